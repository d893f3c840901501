import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export default async function PortalNotFound() {
  const t = await getTranslations("Errors");
  return (
    <div>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </div>
  );
}
