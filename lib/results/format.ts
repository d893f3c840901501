import { createTranslator } from "next-intl";
import { formatMoney } from "@/lib/format/numbers";
import { numberFormat, intlLocale } from "@/lib/format/intl";
import type { Locale } from "@/lib/i18n/routing";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { IndicatorUnit } from "./schemas";
import type { TargetRule } from "./status";

/*
 * How figures, targets and statuses of the results framework read, in both languages: the same text on the pages,
 * in the chart, in the CSV and in the tests. Synchronous (one translator per language), as tables repeat them.
 */

const translators = { en: createTranslator({ locale: "en", messages: en, namespace: "Results" }), fr: createTranslator({ locale: "fr", messages: fr, namespace: "Results" }) };
export const resultsTranslator = (locale: Locale) => translators[locale];

export function formatFigure(value: number, unit: IndicatorUnit, locale: Locale): string {
  if (unit === "DOLLARS") return formatMoney(Math.round(value * 100), locale, { showCents: !Number.isInteger(value) });
  const text = numberFormat(intlLocale(locale), { maximumFractionDigits: 2 }).format(value);
  return unit === "PERCENT" ? (locale === "fr" ? `${text} %` : `${text}%`) : text;
}

/** A target in words: "At least 1,200", "40% to 60%", or its narrative. */
export function targetText(target: Pick<TargetRule, "targetType" | "minValue" | "maxValue"> & { narrativeEn: string | null; narrativeFr: string | null }, unit: IndicatorUnit, locale: Locale): string {
  const t = resultsTranslator(locale);
  const figure = (value: number | null) => (value === null ? "" : formatFigure(value, unit, locale));
  switch (target.targetType) {
    case "EXACT":
      return t("targetExact", { value: figure(target.minValue) });
    case "RANGE":
      return t("targetRange", { min: figure(target.minValue), max: figure(target.maxValue) });
    case "AT_LEAST":
      return t("targetAtLeast", { value: figure(target.minValue) });
    case "AT_MOST":
      return t("targetAtMost", { value: figure(target.maxValue) });
    case "NARRATIVE":
      return (locale === "fr" ? (target.narrativeFr ?? target.narrativeEn) : (target.narrativeEn ?? target.narrativeFr)) ?? "";
  }
}

/** "2008-03": the month a target is to be achieved by (dates in tables are numeric in both languages). */
export const achieveByText = (target: { achieveByYear: number; achieveByMonth: number }) => `${target.achieveByYear}-${String(target.achieveByMonth).padStart(2, "0")}`;

/** A figure as an edit form shows it, so that saving it unchanged parses back to the same value: "1234.5" or "1234,5". */
export const figureForInput = (value: number, locale: Locale) => (locale === "fr" ? String(value).replace(".", ",") : String(value));
