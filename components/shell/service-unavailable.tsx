import { getTranslations } from "next-intl/server";

export async function ServiceUnavailable() {
  const t = await getTranslations("Errors");
  return (
    <div role="alert">
      <h1>{t("unavailableTitle")}</h1>
      <p>{t("unavailableBody")}</p>
    </div>
  );
}
