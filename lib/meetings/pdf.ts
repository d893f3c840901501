import "server-only";
import path from "node:path";
import PDFDocument from "pdfkit";
import { intlLocale } from "@/lib/format/intl";
import type { Locale } from "@/lib/i18n/routing";
import type { AgendaPackage } from "./package";

/** The labels of the package in the reader's language (from the message catalogue). */
export type PackageLabels = {
  title: string;
  when: string;
  location: string;
  video: string;
  agenda: string;
  start: string;
  presenter: string;
  minutes: string;
  kind: Record<"DECISION" | "DISCUSSION" | "INFORMATION", string>;
  previousDecisions: string;
  noDecisions: string;
  decisionInitiatives: string;
  actionItems: string;
  noActionItems: string;
  overdue: string;
  due: string;
  pillarSnapshot: string;
  health: { green: string; amber: string; red: string; none: string; total: string };
  page: (page: number, count: number) => string;
  whenValue: string;
};

// Noto Sans from the GC Design System's font package: it has every accented letter of French.
const fontFolder = path.join(process.cwd(), "node_modules", "@gcds-core", "fonts", "fonts", "noto-sans");
const regular = path.join(fontFolder, "gcds-noto-sans-regular.woff");
const bold = path.join(fontFolder, "gcds-noto-sans-bold.woff");

const MARGIN = 56;

/**
 * The agenda package as a PDF, made on the server: the security marking in the header and footer of every page,
 * page numbers, then the agenda with times and presenters, the previous record of decisions, the open action
 * items and a one-page pillar snapshot.
 */
export function renderAgendaPackagePdf(data: AgendaPackage, locale: Locale, labels: PackageLabels): Promise<Buffer> {
  const doc = new PDFDocument({ size: "LETTER", margins: { top: MARGIN + 10, bottom: MARGIN + 10, left: MARGIN, right: MARGIN }, bufferPages: true, lang: intlLocale(locale), info: { Title: labels.title } });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });
  const pick = (en: string, fr: string) => (locale === "fr" ? fr : en);
  const heading = (text: string) => doc.moveDown(0.8).font("bold").fontSize(14).text(text).moveDown(0.3).font("regular").fontSize(10.5);

  doc.font("bold").fontSize(18).text(labels.title);
  doc.font("regular").fontSize(11).moveDown(0.3).text(`${labels.when}: ${labels.whenValue}`);
  if (data.meeting.location) doc.text(`${labels.location}: ${data.meeting.location}`);
  if (data.meeting.videoUrl) doc.text(`${labels.video}: ${data.meeting.videoUrl}`);

  heading(labels.agenda);
  data.agenda.forEach((item, index) => {
    const presenter = item.presentingDepartment ? pick(item.presentingDepartment.acronymEn, item.presentingDepartment.acronymFr) : "—";
    doc.font("bold").text(`${item.startsAt}  ${index + 1}. ${pick(item.titleEn, item.titleFr)}${item.initiative ? ` (${item.initiative.code})` : ""}`);
    doc.font("regular").text(`${labels.kind[item.kind]} · ${labels.presenter}: ${presenter} · ${item.minutes} ${labels.minutes}`, { indent: 40 }).moveDown(0.2);
  });

  heading(labels.previousDecisions);
  if (!data.previous || data.previous.decisions.length === 0) doc.text(labels.noDecisions);
  data.previous?.decisions.forEach((decision) => {
    doc.text(`${decision.number} — ${pick(decision.textEn, decision.textFr)}`);
    const codes = decision.initiatives.map(({ initiative }) => initiative.code);
    if (codes.length > 0) doc.text(`${labels.decisionInitiatives} ${codes.join(", ")}`, { indent: 40 });
    doc.moveDown(0.2);
  });

  heading(labels.actionItems);
  if (data.openActionItems.length === 0) doc.text(labels.noActionItems);
  data.openActionItems.forEach((item) => {
    const owner = pick(item.ownerDepartment.acronymEn, item.ownerDepartment.acronymFr);
    doc.text(`${owner} — ${pick(item.titleEn, item.titleFr)} (${labels.due} ${item.dueDate}${item.overdue ? `, ${labels.overdue}` : ""})`).moveDown(0.2);
  });

  doc.addPage();
  doc.font("bold").fontSize(14).text(labels.pillarSnapshot).moveDown(0.5).font("regular").fontSize(10.5);
  for (const pillar of data.pillarSnapshot) {
    doc.font("bold").text(pick(pillar.nameEn, pillar.nameFr));
    doc.font("regular").text(`${labels.health.green}: ${pillar.green} · ${labels.health.amber}: ${pillar.amber} · ${labels.health.red}: ${pillar.red} · ${labels.health.none}: ${pillar.none} · ${labels.health.total}: ${pillar.total}`).moveDown(0.4);
  }

  // Header and footer on every page, written last so the page count is known. Margins are lifted while writing
  // in them, or pdfkit would start a new page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    doc.font("bold").fontSize(9).text(data.securityMarking, MARGIN, 24, { width, align: "center" });
    doc.font("bold").fontSize(9).text(data.securityMarking, MARGIN, doc.page.height - 40, { width, align: "center" });
    doc.font("regular").fontSize(9).text(labels.page(index + 1, range.count), MARGIN, doc.page.height - 28, { width, align: "right" });
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
