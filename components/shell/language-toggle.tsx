"use client";

import { useParams, usePathname, useSearchParams } from "next/navigation";
import { Link } from "@/lib/i18n/link";
import { isLocale, otherLocale } from "@/lib/i18n/routing";

/**
 * Leads to the same page, with the same query, in the other language. Its words come from the server (Header), so
 * pages need not ship the message formatter for them.
 */
export function LanguageToggle({ text, label }: { text: string; label: string }) {
  const { locale } = useParams<{ locale: string }>();
  // The path without its language prefix; Link adds the other one.
  const pathname = usePathname().replace(/^\/(en|fr)(?=\/|$)/, "") || "/";
  const searchParams = useSearchParams();
  const target = otherLocale(isLocale(locale) ? locale : "en");
  const query = Object.fromEntries(searchParams.entries());
  return (
    <Link
      href={{ pathname, query }}
      locale={target}
      lang={target}
      hrefLang={target}
      aria-label={label}
      className="font-semibold"
      data-testid="language-toggle"
    >
      {text}
    </Link>
  );
}
