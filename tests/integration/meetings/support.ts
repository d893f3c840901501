import { randomUUID } from "node:crypto";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { db } from "@/lib/db";
import { departmentId } from "../../support/database";

/** A date some days from today in Toronto, "YYYY-MM-DD". */
export function daysFromToday(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "America/Toronto" }).format(date);
}

/** An action item owned by a department, made directly (tests of the commands that act on one). */
export async function makeActionItem(acronym: string, overrides: { dueDate?: string; status?: "OPEN" | "IN_PROGRESS" } = {}) {
  return db.actionItem.create({
    data: {
      titleEn: `Test item ${randomUUID()}`,
      titleFr: `Mesure d'essai ${randomUUID()}`,
      ownerDepartmentId: await departmentId(acronym),
      dueDate: new Date(`${overrides.dueDate ?? daysFromToday(10)}T00:00:00Z`),
      status: overrides.status ?? "OPEN",
    },
    select: { id: true, version: true },
  });
}

/** A meeting with a unique sequence number, far in the future so that it never disturbs "the next meeting". */
export async function makeMeeting(overrides: { daysFromNow?: number; agendaStatus?: "DRAFT" | "PUBLISHED" | "HELD" } = {}) {
  const max = await db.meeting.aggregate({ _max: { sequenceNumber: true } });
  const sequenceNumber = (max._max.sequenceNumber ?? 0) + 1 + Math.floor(Math.random() * 50);
  const startsAt = new Date(Date.now() + (overrides.daysFromNow ?? 400) * 86_400_000);
  return db.meeting.create({
    data: {
      sequenceNumber,
      titleEn: `Test meeting ${sequenceNumber}`,
      titleFr: `Réunion d'essai ${sequenceNumber}`,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
      agendaStatus: overrides.agendaStatus ?? "DRAFT",
    },
    select: { id: true, sequenceNumber: true, version: true, startsAt: true, endsAt: true },
  });
}

/** The text of each page of a PDF, as a reader would find it. */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const document = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  return pages;
}
