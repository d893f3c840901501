import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { sessionUser } from "../../support/database";
import { readDocx, type Docx } from "../../support/ooxml";
import { makeMeeting } from "../meetings/support";

// The route handler reads the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const { GET } = await import("@/app/api/meetings/[id]/docx/route");

/*
 * The meeting's Word documents read back with an independent reader (JSZip + fast-xml-parser on the OOXML parts,
 * not the docx library): the text against the database, the language (core properties and w:lang), the title,
 * the marking in header and footer, real heading styles and table header rows that repeat.
 */

const MARKING = "UNCLASSIFIED / NON CLASSIFIÉ";
const LANG = { en: "en-CA", fr: "fr-CA", bilingual: "en-CA" } as const;

async function docx(meetingId: string, doc: string, lang: "en" | "fr" | "bilingual"): Promise<Docx> {
  const response = await GET(new Request(`http://localhost/api/meetings/${meetingId}/docx?doc=${doc}&lang=${lang}`), { params: Promise.resolve({ id: meetingId }) });
  expect(response.status).toBe(200);
  expect(response.headers.get("content-type")).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
  return readDocx(await response.arrayBuffer());
}

/** What Word's accessibility checker needs, on any of the documents. */
function expectAccessible(file: Docx, lang: keyof typeof LANG, title: string) {
  expect(file.title).toBe(title);
  expect(file.language).toBe(LANG[lang]);
  expect(file.defaultLang).toBe(LANG[lang]);
  expect(file.paragraphs[0]).toMatchObject({ style: "Title", text: title });
  expect(file.headers.length).toBeGreaterThan(0);
  for (const header of file.headers) expect(header).toContain(MARKING);
  for (const footer of file.footers) expect(footer).toContain(MARKING);
  expect(file.footers.length).toBeGreaterThan(0);
  for (const table of file.tables) {
    expect(table.rows[0]!.header).toBe(true);
    expect(table.rows.slice(1).every((row) => !row.header)).toBe(true);
  }
}

describe("the record of decisions in Word", () => {
  it.each(["en", "fr", "bilingual"] as const)("lists every decision of the meeting with its text (%s)", async (lang) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 2 }, select: { id: true, titleEn: true, titleFr: true, decisions: { orderBy: { createdAt: "asc" }, select: { number: true, textEn: true, textFr: true } } } });
    expect(meeting.decisions.length).toBeGreaterThan(0);
    const file = await docx(meeting.id, "decisions", lang);
    const title = {
      en: `Meeting 2: ${meeting.titleEn} — record of decisions`,
      fr: `Réunion 2 : ${meeting.titleFr} — compte rendu des décisions`,
    };
    expectAccessible(file, lang, lang === "bilingual" ? `${title.en} / ${title.fr}` : title[lang]);
    const table = file.tables.at(-1)!;
    expect(table.rows[0]!.cells).toEqual(lang === "fr" ? ["Numéro", "Décision", "Point à l’ordre du jour", "Initiatives"] : lang === "en" ? ["Number", "Decision", "Agenda item", "Initiatives"] : ["Number\nNuméro", "Decision\nDécision", "Agenda item\nPoint à l’ordre du jour", "Initiatives"]);
    expect(table.rows.slice(1).map((row) => row.cells[0])).toEqual(meeting.decisions.map((decision) => decision.number));
    meeting.decisions.forEach((decision, index) => {
      const cell = table.rows[index + 1]!.cells[1];
      if (lang === "en") expect(cell).toBe(decision.textEn);
      if (lang === "fr") expect(cell).toBe(decision.textFr);
      if (lang === "bilingual") expect(cell).toBe(decision.textEn === decision.textFr ? decision.textEn : `${decision.textEn}\n${decision.textFr}`);
    });
  });

  it("answers 404 for an unknown meeting or document, and 401 without a session", async () => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const unknown = "00000000-0000-4000-8000-000000000000";
    expect((await GET(new Request(`http://localhost/api/meetings/${unknown}/docx?doc=decisions`), { params: Promise.resolve({ id: unknown }) })).status).toBe(404);
    expect((await GET(new Request(`http://localhost/api/meetings/x/docx?doc=nope`), { params: Promise.resolve({ id: "x" }) })).status).toBe(404);
    signedIn.user = null;
    expect((await GET(new Request(`http://localhost/api/meetings/x/docx`), { params: Promise.resolve({ id: "x" }) })).status).toBe(401);
  });
});

describe("the minutes in Word", () => {
  it("says DRAFT in the header of every page while the minutes are a draft, in the reader's language", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const meeting = await makeMeeting({ daysFromNow: -3, agendaStatus: "HELD" });
    await db.minutes.create({ data: { meetingId: meeting.id, bodyEn: "The chair opened the meeting.\n\nMembers reviewed the tool kit.", bodyFr: "La présidente ouvre la séance.\n\nLes membres examinent la trousse d’outils.", status: "DRAFT" } });
    const fr = await docx(meeting.id, "minutes", "fr");
    expectAccessible(fr, "fr", `Réunion ${meeting.sequenceNumber} : Réunion d'essai ${meeting.sequenceNumber} — procès-verbal`);
    for (const header of fr.headers) expect(header).toContain("ÉBAUCHE — non approuvée");
    expect(fr.all).toContain("Procès-verbal : ébauche.");
    expect(fr.all).toContain("Les membres examinent la trousse d’outils.");
    const bilingual = await docx(meeting.id, "minutes", "bilingual");
    const sideBySide = bilingual.tables.find((table) => table.rows[0]!.cells.join("|") === "English|Français")!;
    expect(sideBySide.rows[0]!.header).toBe(true);
    expect(sideBySide.rows.map((row) => row.cells)).toContainEqual(["Members reviewed the tool kit.", "Les membres examinent la trousse d’outils."]);
    for (const header of bilingual.headers) expect(header).toContain("DRAFT — not approved / ÉBAUCHE — non approuvée");

    await db.minutes.update({ where: { meetingId: meeting.id }, data: { status: "APPROVED", approvedAt: new Date() } });
    const approved = await docx(meeting.id, "minutes", "en");
    for (const header of approved.headers) expect(header).not.toContain("DRAFT");
  });

  it("is not given to a representative (the minutes are on the coordinator's record page only)", async () => {
    signedIn.user = await sessionUser("rep.rcmp@iwgtip.example");
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 1 }, select: { id: true } });
    expect((await GET(new Request(`http://localhost/api/meetings/${meeting.id}/docx?doc=minutes`), { params: Promise.resolve({ id: meeting.id }) })).status).toBe(404);
  });
});

describe("the agenda and the agenda package in Word", () => {
  it.each(["en", "fr"] as const)("hold the agenda items in order, with real headings in the package (%s)", async (lang) => {
    signedIn.user = await sessionUser("rep.rcmp@iwgtip.example");
    const meeting = await db.meeting.findFirstOrThrow({ where: { sequenceNumber: 3 }, select: { id: true, startsAt: true, agendaItems: { where: { deletedAt: null }, orderBy: { position: "asc" }, select: { titleEn: true, titleFr: true } } } });
    const agenda = await docx(meeting.id, "agenda", lang);
    const rows = agenda.tables[0]!.rows.slice(1);
    expect(rows.map((row) => row.cells[2]!.replace(/ \([A-Z]+-\d+\)$/, ""))).toEqual(meeting.agendaItems.map((item) => (lang === "fr" ? item.titleFr : item.titleEn)));
    const pack = await docx(meeting.id, "package", lang);
    const headings = pack.paragraphs.filter((paragraph) => paragraph.style === "Heading1");
    expect(headings.map((heading) => heading.text)).toEqual(lang === "fr" ? ["Ordre du jour", "Compte rendu des décisions de la réunion précédente", "Mesures de suivi ouvertes", "Aperçu par pilier"] : ["Agenda", "Record of decisions of the previous meeting", "Open action items", "Pillar snapshot"]);
    // A built-in heading style (Word matches its name without regard to case), so the navigation pane lists it.
    expect(pack.styleNames.get("Heading1")?.toLowerCase()).toBe("heading 1");
    expectAccessible(pack, lang, pack.title!);
    // The previous meeting is the one that started last before it (tests add meetings of their own).
    const previous = await db.meeting.findFirstOrThrow({ where: { startsAt: { lt: meeting.startsAt } }, orderBy: { startsAt: "desc" }, select: { decisions: { select: { number: true, textEn: true, textFr: true } } } });
    for (const decision of previous.decisions) expect(pack.all).toContain(lang === "fr" ? decision.textFr : decision.textEn);
    if (previous.decisions.length === 0) expect(pack.all).toContain(lang === "fr" ? "Aucune décision" : "No decisions");
  });
});

describe("the briefing in Word", () => {
  it.each(["en", "fr"] as const)("has a section per active pillar with its figures (%s)", async (lang) => {
    signedIn.user = await sessionUser("executive@iwgtip.example");
    const { GET: briefing } = await import("@/app/api/dashboard/briefing/docx/route");
    const response = await briefing(new Request(`http://localhost/api/dashboard/briefing/docx?lang=${lang}`));
    expect(response.status).toBe(200);
    const file = await readDocx(await response.arrayBuffer());
    expectAccessible(file, lang, lang === "fr" ? "Breffage" : "Briefing");
    const pillars = await db.pillar.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { code: true, nameEn: true, nameFr: true } });
    const headings = file.paragraphs.filter((paragraph) => paragraph.style === "Heading1").map((paragraph) => paragraph.text);
    expect(headings).toEqual(pillars.map((pillar) => (lang === "fr" ? `${pillar.nameFr} : breffage` : `${pillar.nameEn}: briefing`)));
    const figures = file.tables.filter((table) => table.rows[0]!.cells[0] === "Initiatives");
    expect(figures).toHaveLength(pillars.length);
    for (const table of figures) expect(table.rows[1]!.cells[0]).toMatch(/^\d+$/);
  });
});
