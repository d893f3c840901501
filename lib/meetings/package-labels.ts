import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { AgendaPackage } from "./package";
import type { PackageLabels } from "./pdf";
import { PORTAL_TIME_ZONE } from "@/lib/kernel/time";
import { dateTimeFormat, intlLocale } from "@/lib/format/intl";

/**
 * The package's labels in one language, from the `Package` and `Agenda` message namespaces. Uses the plain
 * translator (not the request's), since a PDF may be asked for in a language other than the page's.
 */
export async function packageLabels(data: AgendaPackage, locale: Locale): Promise<PackageLabels> {
  const messages = (await import(`../../messages/${locale}.json`)).default;
  const t = createTranslator({ locale, messages, namespace: "Package" });
  const agenda = createTranslator({ locale, messages, namespace: "Agenda" });
  const intl = intlLocale(locale);
  const day = dateTimeFormat(intl, { dateStyle: "full", timeZone: PORTAL_TIME_ZONE }).format(data.meeting.startsAt);
  const time = dateTimeFormat(intl, { timeStyle: "short", timeZone: PORTAL_TIME_ZONE });
  return {
    title: t("title", { number: data.meeting.sequenceNumber, title: locale === "fr" ? data.meeting.titleFr : data.meeting.titleEn }),
    when: t("when"),
    whenValue: `${day}, ${time.format(data.meeting.startsAt)} – ${time.format(data.meeting.endsAt)} (${t("eastern")})`,
    location: t("location"),
    video: t("video"),
    agenda: t("agenda"),
    start: agenda("start"),
    presenter: agenda("presenter"),
    minutes: t("minutes"),
    kind: { DECISION: agenda("kind.DECISION"), DISCUSSION: agenda("kind.DISCUSSION"), INFORMATION: agenda("kind.INFORMATION") },
    previousDecisions: t("previousDecisions"),
    noDecisions: t("noDecisions"),
    decisionInitiatives: t("decisionInitiatives"),
    actionItems: t("actionItems"),
    noActionItems: t("noActionItems"),
    overdue: t("overdue"),
    due: t("due"),
    pillarSnapshot: t("pillarSnapshot"),
    health: { green: t("green"), amber: t("amber"), red: t("red"), none: t("noHealth"), total: t("total") },
    page: (page, count) => t("page", { page, count }),
  };
}
