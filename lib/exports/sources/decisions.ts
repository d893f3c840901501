import "server-only";
import { getCurrentUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { listDecisionRegister, parseDecisionFilters, type RegisterDecision } from "@/lib/decisions/queries";
import { fiscalYearLabel } from "@/lib/format/numbers";
import { isLocale, type Locale } from "@/lib/i18n/routing";
import { getSecurityMarking } from "@/lib/dashboard/queries";
import type { DocxSpec } from "../docx";
import type { ExportBuild } from "../route";
import type { ExportTable } from "../table";
import { exportTranslator } from "../translator";

const meetingDate = (row: RegisterDecision) => new Date(`${row.meetingStartsAt.toLocaleDateString("en-CA", { timeZone: "America/Toronto" })}T00:00:00Z`);
const agendaItem = (row: RegisterDecision, locale: Locale) =>
  row.agendaPosition === null ? "" : `${row.agendaPosition}. ${(locale === "fr" ? row.agendaTitleFr : row.agendaTitleEn) ?? ""}`;

/** The register with the page's filters, as a table (CSV and Excel). Signed in, with `export.read`. */
export async function decisionsExport(request: Request): Promise<ExportBuild> {
  const user = await getCurrentUser();
  if (!user) return new Response("Unauthorized", { status: 401 });
  if (!can(user, "export.read")) return new Response("Not found", { status: 404 });
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const locale = isLocale(params.locale) ? params.locale : user.language;
  return { locale, table: await decisionsTable(user, params, locale) };
}

export async function decisionsTable(user: SessionUser, params: Record<string, string>, locale: Locale): Promise<ExportTable> {
  const { rows } = await listDecisionRegister(user, parseDecisionFilters(params));
  const t = await exportTranslator(locale, "Decisions");
  return {
    title: t("title"),
    filename: locale === "fr" ? "registre-decisions" : "decision-register",
    columns: [
      { header: t("columns.number"), kind: "text" },
      { header: t("columns.decision"), kind: "text" },
      { header: t("columns.fiscalYear"), kind: "text" },
      { header: t("columns.meeting"), kind: "text" },
      { header: t("columns.date"), kind: "date" },
      { header: t("columns.agendaItem"), kind: "text" },
      { header: t("columns.initiatives"), kind: "text" },
    ],
    rows: rows.map((row) => [
      row.number,
      locale === "fr" ? row.textFr : row.textEn,
      fiscalYearLabel(row.fiscalYear, locale),
      `${row.meetingNumber} — ${locale === "fr" ? row.meetingTitleFr : row.meetingTitleEn}`,
      meetingDate(row),
      agendaItem(row, locale),
      row.initiatives.map((initiative) => initiative.code).join(", "),
    ]),
  };
}

/** The register as a Word document: a heading per meeting, a table of its decisions. */
export async function decisionsDocx(user: SessionUser, params: Record<string, string>): Promise<DocxSpec> {
  const { rows } = await listDecisionRegister(user, parseDecisionFilters(params));
  const [en, fr, marking] = await Promise.all([exportTranslator("en", "Decisions"), exportTranslator("fr", "Decisions"), getSecurityMarking()]);
  const say = (key: string) => ({ en: en(key), fr: fr(key) });
  const spec: DocxSpec = { title: say("title"), marking, blocks: [] };
  if (rows.length === 0) spec.blocks.push({ kind: "paragraph", text: say("none") });
  const meetings = [...new Set(rows.map((row) => row.meetingId))];
  for (const meetingId of meetings) {
    const ofMeeting = rows.filter((row) => row.meetingId === meetingId);
    const head = ofMeeting[0]!;
    const day = meetingDate(head).toISOString().slice(0, 10);
    spec.blocks.push({ kind: "heading", level: 1, text: { en: `${en("columns.meeting")} ${head.meetingNumber}: ${head.meetingTitleEn} (${day})`, fr: `${fr("columns.meeting")} ${head.meetingNumber} : ${head.meetingTitleFr} (${day})` } });
    spec.blocks.push({
      kind: "table",
      header: [say("columns.number"), say("columns.decision"), say("columns.agendaItem"), say("columns.initiatives")],
      rows: ofMeeting.map((row) => [row.number, { en: row.textEn, fr: row.textFr }, { en: agendaItem(row, "en") || "—", fr: agendaItem(row, "fr") || "—" }, row.initiatives.map((initiative) => initiative.code).join(", ") || "—"]),
    });
  }
  return spec;
}
