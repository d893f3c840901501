import { fiscalYearLabel } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A reporting period is stored as "2007-08 Q2" (fiscal year, quarter). Shown as "2007-08 Q2" in English and
 * "2007-2008 T2" (trimestre) in French; a value that does not match is shown as stored.
 */
export function reportingPeriodLabel(period: string, locale: Locale): string {
  const match = /^(\d{4})-\d{2} Q([1-4])$/.exec(period);
  if (!match) return period;
  const year = Number(match[1]);
  return locale === "fr" ? `${fiscalYearLabel(year, "fr")} T${match[2]}` : `${fiscalYearLabel(year, "en")} Q${match[2]}`;
}
