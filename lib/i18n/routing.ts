import { defineRouting } from "next-intl/routing";

export const locales = ["en", "fr"] as const;
export type Locale = (typeof locales)[number];

/**
 * Every screen lives under /en/... and /fr/... at the same path apart from the prefix,
 * so the language toggle swaps the prefix alone. English is the default when the
 * browser expresses no preference for French.
 */
export const routing = defineRouting({
  locales,
  defaultLocale: "en",
  localePrefix: "always",
  // The language is chosen from the URL; the cookie only remembers a choice for "/".
  localeCookie: { name: "IWGTIP_LOCALE", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 },
});

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export function otherLocale(locale: Locale): Locale {
  return locale === "en" ? "fr" : "en";
}
