import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { getBriefing } from "@/lib/dashboard/queries";
import { attentionReason, healthText, type DashboardScope } from "@/lib/dashboard";
import { fiscalYearLabel, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import { formatFigure, resultStatuses, targetText } from "@/lib/results";
import { getResultsBriefing } from "@/lib/results/queries";
import type { Bilingual, DocxBlock, DocxSpec } from "../docx";
import { exportTranslator, type Translate } from "../translator";

/**
 * The briefing view (one section per pillar: key figures, health, what needs attention) as a Word document, from
 * the same query as the print page. Null when the department asked for is not a member (the page's 404).
 */
export async function briefingDocx(user: SessionUser, scope: DashboardScope): Promise<DocxSpec | null> {
  const [briefing, results] = await Promise.all([getBriefing(user, { ...scope, pillar: null }), getResultsBriefing(user, { department: scope.department })]);
  if (scope.department && !briefing.departmentKnown) return null;
  const [en, fr, healthEn, healthFr, resultsEn, resultsFr, editEn, editFr] = await Promise.all([
    exportTranslator("en", "Dashboard"),
    exportTranslator("fr", "Dashboard"),
    exportTranslator("en", "Health"),
    exportTranslator("fr", "Health"),
    exportTranslator("en", "Results"),
    exportTranslator("fr", "Results"),
    exportTranslator("en", "ResultsEdit"),
    exportTranslator("fr", "ResultsEdit"),
  ]);
  const rt = { en: resultsEn, fr: resultsFr };
  const et = { en: editEn, fr: editFr };
  const inBoth = (make: (results: Translate, edit: Translate, locale: "en" | "fr") => string): Bilingual => ({ en: make(rt.en, et.en, "en"), fr: make(rt.fr, et.fr, "fr") });
  const t = { en, fr };
  const health = { en: healthEn, fr: healthFr };
  const both = (make: (t: Translate, locale: "en" | "fr", health: Translate) => string): Bilingual => ({ en: make(t.en, "en", health.en), fr: make(t.fr, "fr", health.fr) });
  const asOf = formatIsoDate(new Date());
  const blocks: DocxBlock[] = [];
  for (const tile of briefing.tiles) {
    const year = (locale: "en" | "fr") => (tile.fiscalYear === null ? "—" : fiscalYearLabel(tile.fiscalYear, locale));
    blocks.push({ kind: "heading", level: 1, text: both((tr, locale) => tr("briefing.pageTitle", { pillar: locale === "fr" ? tile.nameFr : tile.nameEn })) });
    blocks.push({
      kind: "paragraph",
      text: both((tr, locale) => `${tr("briefing.asOf", { year: year(locale), date: asOf })} ${scope.department ? tr("briefing.department", { department: scope.department }) : tr("briefing.allDepartments")}`),
    });
    blocks.push({ kind: "heading", level: 2, text: both((tr) => tr("briefing.figures")) });
    blocks.push({
      kind: "table",
      header: [both((tr) => tr("columns.initiatives")), both((tr) => tr("columns.averageProgress")), both((tr, l) => tr("columns.allocatedIn", { year: year(l) })), both((tr, l) => tr("columns.spentIn", { year: year(l) })), both((_, __, h) => h("GREEN")), both((_, __, h) => h("AMBER")), both((_, __, h) => h("RED")), both((_, __, h) => h("NONE"))],
      rows: [
        [
          String(tile.total),
          tile.averageProgress === null ? "—" : both((tr) => tr("percent", { value: tile.averageProgress ?? 0 })),
          both((_, l) => formatMoney(tile.allocatedCents, l)),
          both((_, l) => formatMoney(tile.spentCents, l)),
          String(tile.green),
          String(tile.amber),
          String(tile.red),
          String(tile.unrated),
        ],
      ],
    });
    const attention = briefing.attention.items.filter((item) => item.pillarCode === tile.code);
    blocks.push({ kind: "heading", level: 2, text: both((tr) => tr("briefing.attention")) });
    blocks.push({
      kind: "table",
      header: [both((tr) => tr("columns.code")), both((tr) => tr("columns.initiative")), both((tr) => tr("columns.leadDepartment")), both((tr) => tr("columns.health")), both((tr) => tr("columns.reason"))],
      rows: attention.map((item) => [
        item.code,
        { en: item.titleEn || item.titleFr, fr: item.titleFr || item.titleEn },
        { en: item.acronymEn, fr: item.acronymFr },
        both((_, __, h) => healthText(item.health, h)),
        both((tr, _, h) => attentionReason(item, tr, h) || "—"),
      ]),
    });
    // Results against targets (issue 18): the counts per status, then the indicators not met with their explanation.
    const pillarResults = results.get(tile.code);
    blocks.push({ kind: "heading", level: 2, text: inBoth((_, edit) => edit("briefingResults")) });
    if (!pillarResults || pillarResults.total === 0) {
      blocks.push({ kind: "paragraph", text: inBoth((_, edit) => edit("briefingNoIndicators")) });
      continue;
    }
    blocks.push({ kind: "table", header: resultStatuses.map((status) => inBoth((r) => r(`status.${status}`))), rows: [resultStatuses.map((status) => String(pillarResults.counts[status]))] });
    blocks.push({ kind: "heading", level: 3, text: inBoth((_, edit) => edit("briefingNotMet")) });
    if (pillarResults.notMet.length === 0) blocks.push({ kind: "paragraph", text: inBoth((_, edit) => edit("briefingNoneNotMet")) });
    else
      blocks.push({
        kind: "table",
        header: [inBoth((r) => r("indicator")), inBoth((r) => r("responsibleDepartment")), inBoth((r) => r("fiscalYear")), inBoth((r) => r("target")), inBoth((r) => r("actual")), inBoth((r) => r("explanation"))],
        rows: pillarResults.notMet.map((indicator) => {
          const point = indicator.headline;
          return [
            { en: `${indicator.code} — ${indicator.nameEn || indicator.nameFr}`, fr: `${indicator.code} — ${indicator.nameFr || indicator.nameEn}` },
            { en: indicator.responsibleDepartment.acronymEn, fr: indicator.responsibleDepartment.acronymFr },
            inBoth((_, __, l) => fiscalYearLabel(point.fiscalYear, l)),
            inBoth((r, __, l) => (point.target ? targetText(point.target, indicator.unit, l) : r("none"))),
            inBoth((r, __, l) => (point.actual?.value != null ? formatFigure(point.actual.value, indicator.unit, l) : r("none"))),
            { en: point.actual?.explanationEn || point.actual?.explanationFr || "—", fr: point.actual?.explanationFr || point.actual?.explanationEn || "—" },
          ];
        }),
      });
    if (pillarResults.notMetMore > 0) blocks.push({ kind: "paragraph", text: inBoth((_, edit) => edit("briefingNotMetMore", { count: pillarResults.notMetMore })) });
  }
  return { title: both((tr) => tr("briefing.title")), marking: briefing.marking, blocks };
}
