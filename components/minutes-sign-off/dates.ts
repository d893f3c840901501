import { dateTimeFormat, intlLocale } from "@/lib/format/intl";
import type { Locale } from "@/lib/i18n/routing";

/** A YYYY-MM-DD calendar date in words: "December 14, 2026" / "14 décembre 2026". */
export function longCalendarDate(date: string, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
}
