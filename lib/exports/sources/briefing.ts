import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { getBriefing } from "@/lib/dashboard/queries";
import { attentionReason, healthText, type DashboardScope } from "@/lib/dashboard";
import { fiscalYearLabel, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import type { Bilingual, DocxBlock, DocxSpec } from "../docx";
import { exportTranslator, type Translate } from "../translator";

/**
 * The briefing view (one section per pillar: key figures, health, what needs attention) as a Word document, from
 * the same query as the print page. Null when the department asked for is not a member (the page's 404).
 */
export async function briefingDocx(user: SessionUser, scope: DashboardScope): Promise<DocxSpec | null> {
  const briefing = await getBriefing(user, { ...scope, pillar: null });
  if (scope.department && !briefing.departmentKnown) return null;
  const [en, fr, healthEn, healthFr] = await Promise.all([exportTranslator("en", "Dashboard"), exportTranslator("fr", "Dashboard"), exportTranslator("en", "Health"), exportTranslator("fr", "Health")]);
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
  }
  return { title: both((tr) => tr("briefing.title")), marking: briefing.marking, blocks };
}
