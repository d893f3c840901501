import type { Locale } from "@/lib/i18n/routing";
import { fiscalYearLabel } from "@/lib/format/numbers";

/** "2007-08 Q3" shown as 2007-08 Q3 (EN) / 2007-2008 T3 (FR). */
export function reportingPeriodLabel(period: string, locale: Locale): string {
  const match = /^(\d{4})-\d{2} Q([1-4])$/.exec(period);
  if (!match) return period;
  return `${fiscalYearLabel(Number(match[1]), locale)} ${locale === "fr" ? "T" : "Q"}${match[2]}`;
}

/** The reporting period a date falls in, e.g. 2026-11-28 → "2026-27 Q3". */
export function reportingPeriodOf(date: Date): string {
  const month = date.getUTCMonth(); // 0 = January
  const start = month >= 3 ? date.getUTCFullYear() : date.getUTCFullYear() - 1;
  const quarter = month >= 3 ? Math.floor((month - 3) / 3) + 1 : 4;
  return `${start}-${String((start + 1) % 100).padStart(2, "0")} Q${quarter}`;
}

/** A date as the value of `<input type="date">`. */
export function dateInput(date: Date | null | undefined): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
