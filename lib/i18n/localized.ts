import type { Locale } from "./routing";

export type LocalizedText = { text: string; lang: Locale; fallback: boolean };

/**
 * Picks the text of the page's language from a pair of user-written fields. When that one
 * is empty the other is shown, flagged as a fallback so the page can mark it
 * "(English only)" / "(français seulement)" and set its `lang`.
 */
export function pickLocalized(locale: Locale, en: string | null | undefined, fr: string | null | undefined): LocalizedText | null {
  const wanted = locale === "fr" ? fr : en;
  if (wanted && wanted.trim() !== "") return { text: wanted, lang: locale, fallback: false };
  const other = locale === "fr" ? en : fr;
  if (other && other.trim() !== "") return { text: other, lang: locale === "fr" ? "en" : "fr", fallback: true };
  return null;
}

/** A bilingual pair of reference-data names, e.g. a department's acronym: always both present. */
export function byLocale<T>(locale: Locale, en: T, fr: T): T {
  return locale === "fr" ? fr : en;
}
