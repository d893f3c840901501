import { XMLParser } from "fast-xml-parser";
import JSZip from "jszip";

/*
 * An independent reader of the Office files the portal writes (JSZip + fast-xml-parser, not the libraries that
 * wrote them): the .xlsx cells with their types and number formats, the .docx paragraphs, styles, headers,
 * table rows and core properties, read straight from the OOXML parts.
 */

const repeated = new Set(["sheet", "row", "c", "si", "r", "col", "xf", "numFmt", "w:p", "w:r", "w:t", "w:tr", "w:tc", "w:tbl", "w:style", "w:headerReference", "w:footerReference", "w:sectPr", "Relationship"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  isArray: (name) => repeated.has(name),
});

type Node = Record<string, unknown>;
const parse = (xml: string) => parser.parse(xml) as Node;
const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : value === undefined ? [] : [value as Node]);
const text = (value: unknown): string => {
  if (value === undefined || value === null) return "";
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return value.map(text).join("");
  const node = value as Node;
  return typeof node["#text"] === "string" ? (node["#text"] as string) : "";
};

async function part(zip: JSZip, name: string): Promise<string | null> {
  return (await zip.file(name)?.async("string")) ?? null;
}

export type XlsxCell = { ref: string; value: string | number | null; type: "string" | "number"; numFmt: string | null };
export type XlsxSheet = { name: string; rows: XlsxCell[][]; frozenRows: number; widths: number[]; autoFilter: string | null };

const BUILT_IN_FORMATS: Record<string, string> = { "0": "General", "1": "0", "2": "0.00", "9": "0%", "14": "mm-dd-yy", "22": "m/d/yy h:mm" };

export async function readXlsx(data: ArrayBuffer | Uint8Array): Promise<{ sheets: XlsxSheet[]; title: string | null }> {
  const zip = await JSZip.loadAsync(data);
  const workbook = parse((await part(zip, "xl/workbook.xml"))!);
  const rels = parse((await part(zip, "xl/_rels/workbook.xml.rels"))!);
  const targets = new Map(list((rels.Relationships as Node).Relationship).map((rel) => [rel["@_Id"] as string, rel["@_Target"] as string]));
  const shared = list((parse((await part(zip, "xl/sharedStrings.xml")) ?? "<sst/>").sst as Node | undefined)?.si).map((si) =>
    si.t !== undefined ? text(si.t) : list(si.r).map((run) => text(run.t)).join(""),
  );
  const styles = parse((await part(zip, "xl/styles.xml"))!).styleSheet as Node;
  const custom = new Map(list((styles.numFmts as Node | undefined)?.numFmt).map((fmt) => [fmt["@_numFmtId"] as string, fmt["@_formatCode"] as string]));
  const xfs = list((styles.cellXfs as Node).xf).map((xf) => {
    const id = (xf["@_numFmtId"] as string) ?? "0";
    return custom.get(id) ?? BUILT_IN_FORMATS[id] ?? `#${id}`;
  });
  const sheets: XlsxSheet[] = [];
  for (const sheet of list((workbook.workbook as Node).sheets ? ((workbook.workbook as Node).sheets as Node).sheet : [])) {
    const target = targets.get(sheet["@_r:id"] as string)!;
    const xml = parse((await part(zip, target.startsWith("/") ? target.slice(1) : `xl/${target}`))!).worksheet as Node;
    const pane = ((xml.sheetViews as Node | undefined)?.sheetView as Node | undefined)?.pane as Node | undefined;
    const rows = list((xml.sheetData as Node).row).map((row) =>
      list(row.c).map((cell): XlsxCell => {
        const type = cell["@_t"] as string | undefined;
        const raw = cell.v === undefined ? null : text(cell.v);
        const numFmt = cell["@_s"] === undefined ? null : (xfs[Number(cell["@_s"])] ?? null);
        if (type === "s") return { ref: cell["@_r"] as string, value: shared[Number(raw)] ?? "", type: "string", numFmt };
        if (type === "inlineStr") return { ref: cell["@_r"] as string, value: text((cell.is as Node).t), type: "string", numFmt };
        if (type === "str") return { ref: cell["@_r"] as string, value: raw, type: "string", numFmt };
        return { ref: cell["@_r"] as string, value: raw === null ? null : Number(raw), type: "number", numFmt };
      }),
    );
    sheets.push({
      name: sheet["@_name"] as string,
      rows,
      frozenRows: pane?.["@_state"] === "frozen" ? Number(pane["@_ySplit"] ?? 0) : 0,
      // A <col> may span several columns (min..max) that share a width.
      widths: list((xml.cols as Node | undefined)?.col).flatMap((col) =>
        Array.from({ length: Number(col["@_max"]) - Number(col["@_min"]) + 1 }, () => Number(col["@_width"])),
      ),
      autoFilter: ((xml.autoFilter as Node | undefined)?.["@_ref"] as string) ?? null,
    });
  }
  const core = await part(zip, "docProps/core.xml");
  const title = core ? text((parse(core)["cp:coreProperties"] as Node)["dc:title"]) || null : null;
  return { sheets, title };
}

/** An Excel serial date (1900 system) as the UTC date it stands for. */
export function excelDate(serial: number): Date {
  return new Date(Math.round((serial - 25569) * 86_400_000));
}

export type DocxParagraph = { style: string | null; text: string; lang: string | null };
export type DocxTable = { rows: { header: boolean; cells: string[] }[] };
export type Docx = {
  paragraphs: DocxParagraph[];
  tables: DocxTable[];
  /** Text of every header and footer part, in part order. */
  headers: string[];
  footers: string[];
  title: string | null;
  language: string | null;
  /** The default run language in styles.xml (w:lang of the document defaults). */
  defaultLang: string | null;
  /** Style ids to their names, for paragraphs' styles. */
  styleNames: Map<string, string>;
  settingsXml: string;
  all: string;
};

function runsText(paragraph: Node): string {
  const runs = [...list(paragraph["w:r"]), ...list(paragraph["w:hyperlink"]).flatMap((link) => list(link["w:r"]))];
  return runs.map((run) => list(run["w:t"]).map(text).join("")).join("");
}

function paragraphOf(paragraph: Node): DocxParagraph {
  const props = paragraph["w:pPr"] as Node | undefined;
  const style = ((props?.["w:pStyle"] as Node | undefined)?.["@_w:val"] as string) ?? null;
  const firstRun = list(paragraph["w:r"])[0];
  const lang = (((firstRun?.["w:rPr"] as Node | undefined)?.["w:lang"] as Node | undefined)?.["@_w:val"] as string) ?? null;
  return { style, text: runsText(paragraph), lang };
}

function partText(xml: string, root: string): string {
  const body = parse(xml)[root] as Node;
  const paragraphs = [...list(body["w:p"]), ...list(body["w:tbl"]).flatMap((table) => list(table["w:tr"]).flatMap((row) => list(row["w:tc"]).flatMap((cell) => list(cell["w:p"]))))];
  return paragraphs.map(runsText).join("\n");
}

export async function readDocx(data: ArrayBuffer | Uint8Array): Promise<Docx> {
  const zip = await JSZip.loadAsync(data);
  const documentXml = (await part(zip, "word/document.xml"))!;
  const body = (parse(documentXml)["w:document"] as Node)["w:body"] as Node;
  const paragraphs = list(body["w:p"]).map(paragraphOf);
  const tables = list(body["w:tbl"]).map((table) => ({
    rows: list(table["w:tr"]).map((row) => ({
      header: ((row["w:trPr"] as Node | undefined)?.["w:tblHeader"] as Node | string | undefined) !== undefined,
      cells: list(row["w:tc"]).map((cell) => list(cell["w:p"]).map(runsText).join("\n")),
    })),
  }));
  const names = Object.keys(zip.files).sort();
  const headers: string[] = [];
  const footers: string[] = [];
  for (const name of names) {
    if (/^word\/header\d*\.xml$/.test(name)) headers.push(partText((await part(zip, name))!, "w:hdr"));
    if (/^word\/footer\d*\.xml$/.test(name)) footers.push(partText((await part(zip, name))!, "w:ftr"));
  }
  const core = await part(zip, "docProps/core.xml");
  const coreNode = core ? (parse(core)["cp:coreProperties"] as Node) : {};
  const stylesXml = (await part(zip, "word/styles.xml")) ?? "<w:styles/>";
  const styles = parse(stylesXml)["w:styles"] as Node;
  const defaults = (((styles["w:docDefaults"] as Node | undefined)?.["w:rPrDefault"] as Node | undefined)?.["w:rPr"] as Node | undefined)?.["w:lang"] as Node | undefined;
  const styleNames = new Map(list(styles["w:style"]).map((style) => [style["@_w:styleId"] as string, ((style["w:name"] as Node | undefined)?.["@_w:val"] as string) ?? ""]));
  const tableText = tables.flatMap((table) => table.rows.flatMap((row) => row.cells));
  return {
    paragraphs,
    tables,
    headers,
    footers,
    title: text(coreNode["dc:title"]) || null,
    language: text(coreNode["dc:language"]) || null,
    defaultLang: (defaults?.["@_w:val"] as string) ?? null,
    styleNames,
    settingsXml: (await part(zip, "word/settings.xml")) ?? "",
    all: [...paragraphs.map((paragraph) => paragraph.text), ...tableText].join("\n"),
  };
}
