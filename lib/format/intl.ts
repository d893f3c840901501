/**
 * Shared Intl formatters. Making an `Intl.NumberFormat` or `Intl.DateTimeFormat` loads locale data and costs far
 * more than formatting with one: the dashboard formats ~1,000 amounts and dates per render, and building a
 * formatter for each took about a tenth of its server time. Formatters are immutable and stateless, so one per
 * (locale, options) serves every request. The options are always literals in the code, so the cache stays small.
 */
import type { Locale } from "@/lib/i18n/routing";

/** The portal's languages as Canadian locales, for Intl and for documents' language tags. */
export const intlLocale = (locale: Locale) => (locale === "fr" ? "fr-CA" : "en-CA");

type Cache<T> = Map<string, T>;

const numberFormats: Cache<Intl.NumberFormat> = new Map();
const dateTimeFormats: Cache<Intl.DateTimeFormat> = new Map();
const collators: Cache<Intl.Collator> = new Map();

function cached<T, O>(cache: Cache<T>, locale: string, options: O, make: () => T): T {
  const key = `${locale} ${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = make();
    cache.set(key, formatter);
  }
  return formatter;
}

export const numberFormat = (locale: string, options: Intl.NumberFormatOptions = {}) =>
  cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));

export const dateTimeFormat = (locale: string, options: Intl.DateTimeFormatOptions = {}) =>
  cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));

export const collator = (locale: string, options: Intl.CollatorOptions = {}) =>
  cached(collators, locale, options, () => new Intl.Collator(locale, options));
