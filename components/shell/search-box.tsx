import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";

/** The header's one search box: a plain GET form to the results page, so it works without script. */
export async function SearchBox({ locale }: { locale: Locale }) {
  const t = await getTranslations("Search");
  return (
    <form method="get" action={`/${locale}/search`} role="search" aria-label={t("label")} className="no-print flex items-center gap-2">
      <label htmlFor="header-search" className="sr-only">
        {t("label")}
      </label>
      <input id="header-search" name="q" type="search" maxLength={2000} className="gc-input max-w-56 bg-white text-black" />
      <button type="submit" className="gc-button-secondary">
        {t("submit")}
      </button>
    </form>
  );
}
