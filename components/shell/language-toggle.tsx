"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { isLocale, otherLocale } from "@/lib/i18n/routing";

/** Leads to the same page, with the same query, in the other language. */
export function LanguageToggle() {
  const t = useTranslations("Shell");
  const locale = useLocale();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const target = otherLocale(isLocale(locale) ? locale : "en");
  const query = Object.fromEntries(searchParams.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={target}
      lang={target}
      hrefLang={target}
      aria-label={t("languageToggleLabel")}
      className="font-semibold"
      data-testid="language-toggle"
    >
      {t("languageToggle")}
    </Link>
  );
}
