import type { Locale } from "@/lib/i18n/routing";
import { dateTimeFormat, intlLocale, numberFormat } from "./intl";

/** Money held in integer cents, shown as CAD in the language's conventions: $12,300,000 / 12 300 000 $. */
export function formatMoney(cents: bigint | number, locale: Locale, { showCents = false } = {}): string {
  const dollars = Number(cents) / 100;
  return numberFormat(intlLocale(locale), {
    style: "currency",
    currency: "CAD",
    currencyDisplay: "narrowSymbol",
    minimumFractionDigits: showCents ? 2 : 0,
    maximumFractionDigits: showCents ? 2 : 0,
  }).format(dollars);
}

/** Fiscal years run 1 April – 31 March and are stored as their starting year: 2007 → 2007-08 / 2007-2008. */
export function fiscalYearLabel(startYear: number, locale: Locale): string {
  const end = startYear + 1;
  return locale === "fr" ? `${startYear}-${end}` : `${startYear}-${String(end % 100).padStart(2, "0")}`;
}

/** The fiscal year (by starting year) that a calendar date falls in: the one rule, lib/kernel/rules.ts. */
export { fiscalYearOf } from "@/lib/kernel/rules";

/** Dates in tables are YYYY-MM-DD in both languages; calendar dates are read as UTC (Prisma `@db.Date`). */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A moment, in the portal's time zone (America/Toronto), e.g. for "changed on ... by ...". */
export function formatDateTime(date: Date, locale: Locale): string {
  return dateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeStyle: "short", timeZone: "America/Toronto" }).format(date);
}
