import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { PortalFrame } from "@/components/shell/portal-frame";

export default async function LocaleNotFound() {
  const t = await getTranslations("Errors");
  return (
    <PortalFrame>
      <h1>{t("notFoundTitle")}</h1>
      <p>{t("notFoundBody")}</p>
      <p>
        <Link href="/">{t("backHome")}</Link>
      </p>
    </PortalFrame>
  );
}
