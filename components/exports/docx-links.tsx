import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Plain links to a Word download, in the reader's language and bilingual (English | Français side by side). The
 * route handler checks the session and the policy itself; these links are a convenience, never the control.
 */
export async function DocxLinks({ href, document, locale }: { href: string; document: string; locale: Locale }) {
  const t = await getTranslations("Exports");
  const join = href.includes("?") ? "&" : "?";
  return (
    <span className="inline-flex flex-wrap gap-x-4 gap-y-1">
      <a href={`${href}${join}lang=${locale}`} download data-docx={document} aria-label={t("docxLabel", { document })}>
        {t("inMyLanguage", { document })}
      </a>
      <a href={`${href}${join}lang=bilingual`} download data-docx-bilingual={document} aria-label={t("docxBilingualLabel", { document })}>
        {t("bilingual", { document })}
      </a>
    </span>
  );
}
