import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import { getAgendaPackage, packageLabels, type AgendaPackage, type PackageLabels } from "@/lib/meetings";
import { getMeeting } from "@/lib/meetings/queries";
import type { Bilingual, DocxBlock, DocxSpec } from "../docx";
import { exportTranslator, type Translate } from "../translator";

/**
 * The meeting's Word documents, each one a DocxSpec with every text in both languages (the writer picks one, or sets
 * them side by side): the agenda, the agenda package (agenda, previous record of decisions, open action items, pillar
 * snapshot), the record of decisions, and the minutes with their status. Read through the same data layer as the
 * print page and the PDF; the minutes only for those who may manage meetings (only the record page shows them).
 */
export const meetingDocuments = ["agenda", "package", "decisions", "minutes"] as const;
export type MeetingDocument = (typeof meetingDocuments)[number];

export function isMeetingDocument(value: string | null): value is MeetingDocument {
  return (meetingDocuments as readonly (string | null)[]).includes(value);
}

type Labels = { en: PackageLabels; fr: PackageLabels };
const pair = (labels: Labels, pick: (labels: PackageLabels) => string): Bilingual => ({ en: pick(labels.en), fr: pick(labels.fr) });
const both = (en: string | null | undefined, fr: string | null | undefined): Bilingual => ({ en: en || fr || "", fr: fr || en || "" });

type Translators = { en: Translate; fr: Translate };

async function translators(namespace: string): Promise<Translators> {
  const [en, fr] = await Promise.all([exportTranslator("en", namespace), exportTranslator("fr", namespace)]);
  return { en, fr };
}
const say = (t: Translators, key: string, values?: Record<string, string | number>): Bilingual => ({ en: t.en(key, values), fr: t.fr(key, values) });

function meetingHeader(data: AgendaPackage, labels: Labels): DocxBlock[] {
  const blocks: DocxBlock[] = [{ kind: "paragraph", text: { en: `${labels.en.when}: ${labels.en.whenValue}`, fr: `${labels.fr.when} : ${labels.fr.whenValue}` } }];
  if (data.meeting.location) blocks.push({ kind: "paragraph", text: { en: `${labels.en.location}: ${data.meeting.location}`, fr: `${labels.fr.location} : ${data.meeting.location}` } });
  if (data.meeting.videoUrl) blocks.push({ kind: "paragraph", text: { en: `${labels.en.video}: ${data.meeting.videoUrl}`, fr: `${labels.fr.video} : ${data.meeting.videoUrl}` } });
  return blocks;
}

function agendaTable(data: AgendaPackage, labels: Labels, docs: Translators): DocxBlock {
  return {
    kind: "table",
    header: [pair(labels, (l) => l.start), "#", say(docs, "item"), say(docs, "kind"), pair(labels, (l) => l.presenter), say(docs, "minutes")],
    rows: data.agenda.map((item, index) => [
      item.startsAt,
      String(index + 1),
      item.initiative ? { en: `${item.titleEn} (${item.initiative.code})`, fr: `${item.titleFr} (${item.initiative.code})` } : both(item.titleEn, item.titleFr),
      pair(labels, (l) => l.kind[item.kind]),
      item.presentingDepartment ? both(item.presentingDepartment.acronymEn, item.presentingDepartment.acronymFr) : "—",
      String(item.minutes),
    ]),
  };
}

type DecisionRow = { number: string; textEn: string; textFr: string; initiatives: { initiative: { code: string } }[] };

function decisionsTable(decisions: DecisionRow[], docs: Translators): DocxBlock {
  return {
    kind: "table",
    header: [say(docs, "number"), say(docs, "decision"), say(docs, "initiatives")],
    rows: decisions.map((decision) => [decision.number, both(decision.textEn, decision.textFr), decision.initiatives.map(({ initiative }) => initiative.code).join(", ") || "—"]),
  };
}

function packageBlocks(data: AgendaPackage, labels: Labels, docs: Translators): DocxBlock[] {
  const blocks: DocxBlock[] = [...meetingHeader(data, labels), { kind: "heading", level: 1, text: pair(labels, (l) => l.agenda) }, agendaTable(data, labels, docs)];
  blocks.push({ kind: "heading", level: 1, text: pair(labels, (l) => l.previousDecisions) });
  if (!data.previous || data.previous.decisions.length === 0) blocks.push({ kind: "paragraph", text: pair(labels, (l) => l.noDecisions) });
  else blocks.push(decisionsTable(data.previous.decisions, docs));
  blocks.push({ kind: "heading", level: 1, text: pair(labels, (l) => l.actionItems) });
  if (data.openActionItems.length === 0) blocks.push({ kind: "paragraph", text: pair(labels, (l) => l.noActionItems) });
  else
    blocks.push({
      kind: "table",
      header: [say(docs, "department"), say(docs, "actionItem"), say(docs, "due")],
      rows: data.openActionItems.map((item) => [
        both(item.ownerDepartment.acronymEn, item.ownerDepartment.acronymFr),
        both(item.titleEn, item.titleFr),
        item.overdue ? { en: `${item.dueDate} (${labels.en.overdue})`, fr: `${item.dueDate} (${labels.fr.overdue})` } : item.dueDate,
      ]),
    });
  blocks.push({ kind: "heading", level: 1, text: pair(labels, (l) => l.pillarSnapshot) });
  blocks.push({
    kind: "table",
    header: [say(docs, "pillar"), pair(labels, (l) => l.health.green), pair(labels, (l) => l.health.amber), pair(labels, (l) => l.health.red), pair(labels, (l) => l.health.none), pair(labels, (l) => l.health.total)],
    rows: data.pillarSnapshot.map((pillar) => [both(pillar.nameEn, pillar.nameFr), String(pillar.green), String(pillar.amber), String(pillar.red), String(pillar.none), String(pillar.total)]),
  });
  return blocks;
}

export type MeetingDocx = { spec: DocxSpec; filename: string } | "not-found";

/** The document asked for, or "not-found" (unknown meeting, or minutes for someone who may not read them). */
export async function meetingDocx(user: SessionUser, meetingId: string, document: MeetingDocument): Promise<MeetingDocx> {
  const data = await getAgendaPackage(user, meetingId);
  if (!data) return "not-found";
  const [en, fr, record, docs] = await Promise.all([packageLabels(data, "en"), packageLabels(data, "fr"), translators("Record"), translators("Exports.documents")]);
  const labels = { en, fr };
  const number = data.meeting.sequenceNumber;
  const meetingTitle = both(data.meeting.titleEn, data.meeting.titleFr);
  const named = (key: string): Bilingual => ({ en: docs.en(key, { number, title: inText(meetingTitle, "en") }), fr: docs.fr(key, { number, title: inText(meetingTitle, "fr") }) });
  const base = { marking: data.securityMarking, filename: `iwgtip-${document}-${number}` };

  if (document === "agenda") return { filename: base.filename, spec: { title: named("agendaTitle"), marking: base.marking, blocks: [...meetingHeader(data, labels), agendaTable(data, labels, docs)] } };
  if (document === "package") return { filename: base.filename, spec: { title: pair(labels, (l) => l.title), marking: base.marking, blocks: packageBlocks(data, labels, docs) } };

  const meeting = await getMeeting(user, meetingId);
  if (!meeting) return "not-found";
  if (document === "decisions") {
    const items = new Map(meeting.agendaItems.map((item, index) => [item.id, { en: `${index + 1}. ${item.titleEn}`, fr: `${index + 1}. ${item.titleFr}` }]));
    const blocks: DocxBlock[] = [...meetingHeader(data, labels)];
    if (meeting.decisions.length === 0) blocks.push({ kind: "paragraph", text: say(docs, "noDecisions") });
    else
      blocks.push({
        kind: "table",
        header: [say(docs, "number"), say(docs, "decision"), say(docs, "agendaItem"), say(docs, "initiatives")],
        rows: meeting.decisions.map((decision) => [
          decision.number,
          both(decision.textEn, decision.textFr),
          (decision.agendaItemId && items.get(decision.agendaItemId)) || "—",
          decision.initiatives.map(({ initiative }) => initiative.code).join(", ") || "—",
        ]),
      });
    return { filename: base.filename, spec: { title: named("decisionsTitle"), marking: base.marking, blocks } };
  }

  // The minutes: only where the record page shows them.
  if (!can(user, "meeting.manage")) return "not-found";
  const minutes = meeting.minutes;
  const status = minutes?.status ?? "NONE";
  // "Minutes: draft." in each language, with its own word for the state.
  const statusText = { en: record.en("minutesStatus", { status: record.en(`minutesState.${status}`) }), fr: record.fr("minutesStatus", { status: record.fr(`minutesState.${status}`) }) };
  const blocks: DocxBlock[] = [...meetingHeader(data, labels), { kind: "paragraph", bold: true, text: statusText }];
  if (!minutes || (!minutes.bodyEn && !minutes.bodyFr)) blocks.push({ kind: "paragraph", text: say(docs, "noMinutes") });
  else for (const paragraph of pairParagraphs(minutes.bodyEn ?? "", minutes.bodyFr ?? "")) blocks.push({ kind: "paragraph", text: paragraph });
  if (minutes && minutes.amendments.length > 0) {
    blocks.push({ kind: "heading", level: 1, text: say(docs, "amendments") });
    for (const amendment of minutes.amendments) blocks.push({ kind: "paragraph", text: { en: `${amendment.createdAt.toISOString().slice(0, 10)} — ${amendment.textEn}`, fr: `${amendment.createdAt.toISOString().slice(0, 10)} — ${amendment.textFr}` } });
  }
  const notice = status === "APPROVED" ? undefined : say(docs, status === "CIRCULATED" ? "circulatedNotice" : "draftNotice");
  return { filename: base.filename, spec: { title: named("minutesTitle"), marking: base.marking, notice, blocks } };
}

const inText = (text: Bilingual, locale: "en" | "fr") => (typeof text === "string" ? text : text[locale]);

/** The minutes' paragraphs (blank-line separated), English and French side by side; a missing side repeats the other. */
function pairParagraphs(en: string, fr: string): Bilingual[] {
  const split = (text: string) => text.split(/\r?\n\s*\r?\n/).map((part) => part.trim()).filter(Boolean);
  const left = split(en);
  const right = split(fr);
  const count = Math.max(left.length, right.length);
  return Array.from({ length: count }, (_, index) => both(left[index], right[index]));
}
