import "server-only";
import { openTaggedPdf, PDF_MARGIN } from "@/lib/exports/tagged-pdf";
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

const MARGIN = PDF_MARGIN;

/**
 * The agenda package as a tagged PDF (PDF/UA), made on the server: the security marking in the header and footer of
 * every page and page numbers (marked as pagination artifacts, outside the reading order), then the agenda as a
 * table with a header row, the previous record of decisions and the open action items as lists, and a one-page
 * pillar snapshot as a table; a structure tree (Document → H1/H2, P, Table/TR/TH/TD, L/LI/LBody) in reading order,
 * the document's language, and the title shown in the window's title bar.
 */
export function renderAgendaPackagePdf(data: AgendaPackage, locale: Locale, labels: PackageLabels): Promise<Buffer> {
  const { doc, done } = openTaggedPdf(labels.title, locale, 10);
  const pick = (en: string, fr: string) => (locale === "fr" ? fr : en);
  const root = doc.struct("Document");
  doc.addStructure(root);
  const add = (type: string, draw: () => unknown) => root.add(doc.struct(type, {}, [draw]));
  const heading = (text: string) => add("H2", () => doc.moveDown(0.8).font("bold").fontSize(14).text(text).moveDown(0.3).font("regular").fontSize(10.5));
  const paragraph = (text: string, options: PDFKit.Mixins.TextOptions = {}) => add("P", () => doc.text(text, options));
  /** A list: one LI per item, its text in an LBody. */
  const list = (items: (() => void)[]) => {
    const element = doc.struct("L");
    root.add(element);
    for (const draw of items) {
      const item = doc.struct("LI");
      element.add(item);
      item.add(doc.struct("LBody", {}, [draw]));
      item.end();
    }
    element.end();
  };
  /** A table drawn as rows of text: a header row of TH, then rows of TD, each cell in its column. */
  const table = (header: string[], rows: string[][], widths: number[]) => {
    const element = doc.struct("Table");
    root.add(element);
    const left = doc.page.margins.left;
    const drawRow = (cells: string[], type: "TH" | "TD") => {
      const row = doc.struct("TR");
      element.add(row);
      const heights = cells.map((text, index) => doc.font(type === "TH" ? "bold" : "regular").heightOfString(text, { width: widths[index]! - 6 }));
      const height = Math.max(...heights) + 4;
      if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
      const top = doc.y;
      cells.forEach((text, index) => {
        const x = left + widths.slice(0, index).reduce((sum, width) => sum + width, 0);
        row.add(doc.struct(type, {}, [() => void doc.font(type === "TH" ? "bold" : "regular").text(text, x, top, { width: widths[index]! - 6 })]));
      });
      row.end();
      doc.x = left;
      doc.y = top + height;
    };
    doc.fontSize(10.5);
    drawRow(header, "TH");
    for (const cells of rows) drawRow(cells, "TD");
    element.end();
    doc.font("regular");
  };

  add("H1", () => doc.font("bold").fontSize(18).text(labels.title));
  add("P", () => doc.font("regular").fontSize(11).moveDown(0.3).text(`${labels.when}: ${labels.whenValue}`));
  if (data.meeting.location) paragraph(`${labels.location}: ${data.meeting.location}`);
  if (data.meeting.videoUrl) paragraph(`${labels.video}: ${data.meeting.videoUrl}`);

  heading(labels.agenda);
  table(
    [labels.start, "#", labels.agenda, labels.presenter, labels.minutes],
    data.agenda.map((item, index) => [
      item.startsAt,
      String(index + 1),
      `${pick(item.titleEn, item.titleFr)}${item.initiative ? ` (${item.initiative.code})` : ""} — ${labels.kind[item.kind]}`,
      item.presentingDepartment ? pick(item.presentingDepartment.acronymEn, item.presentingDepartment.acronymFr) : "—",
      String(item.minutes),
    ]),
    [50, 28, 272, 80, 70],
  );

  heading(labels.previousDecisions);
  if (!data.previous || data.previous.decisions.length === 0) paragraph(labels.noDecisions);
  else
    list(
      data.previous.decisions.map((decision) => () => {
        doc.text(`${decision.number} — ${pick(decision.textEn, decision.textFr)}`);
        const codes = decision.initiatives.map(({ initiative }) => initiative.code);
        if (codes.length > 0) doc.text(`${labels.decisionInitiatives} ${codes.join(", ")}`, { indent: 40 });
        doc.moveDown(0.2);
      }),
    );

  heading(labels.actionItems);
  if (data.openActionItems.length === 0) paragraph(labels.noActionItems);
  else
    list(
      data.openActionItems.map((item) => () => {
        const owner = pick(item.ownerDepartment.acronymEn, item.ownerDepartment.acronymFr);
        doc.text(`${owner} — ${pick(item.titleEn, item.titleFr)} (${labels.due} ${item.dueDate}${item.overdue ? `, ${labels.overdue}` : ""})`).moveDown(0.2);
      }),
    );

  doc.addPage();
  add("H2", () => doc.font("bold").fontSize(14).text(labels.pillarSnapshot).moveDown(0.5).font("regular").fontSize(10.5));
  table(
    ["", labels.health.green, labels.health.amber, labels.health.red, labels.health.none, labels.health.total],
    data.pillarSnapshot.map((pillar) => [pick(pillar.nameEn, pillar.nameFr), String(pillar.green), String(pillar.amber), String(pillar.red), String(pillar.none), String(pillar.total)]),
    [130, 70, 70, 70, 80, 80],
  );
  root.end();

  // Header and footer on every page, written last so the page count is known, as pagination artifacts (a screen
  // reader skips them). Margins are lifted while writing in them, or pdfkit would start a new page.
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { top, bottom } = doc.page.margins;
    doc.page.margins.top = 0;
    doc.page.margins.bottom = 0;
    const width = doc.page.width - 2 * MARGIN;
    doc.markContent("Artifact", { type: "Pagination" });
    doc.font("bold").fontSize(9).text(data.securityMarking, MARGIN, 24, { width, align: "center" });
    doc.font("bold").fontSize(9).text(data.securityMarking, MARGIN, doc.page.height - 40, { width, align: "center" });
    doc.font("regular").fontSize(9).text(labels.page(index + 1, range.count), MARGIN, doc.page.height - 28, { width, align: "right" });
    doc.endMarkedContent();
    doc.page.margins.top = top;
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
