/**
 * Authorization matrix rows for the translation workflow (issue 21): coordinators and administrators work the queue,
 * import XLIFF and verify translations; representatives and executives do not.
 */
import { db } from "@/lib/db";
import { makeMeeting } from "../../meetings/support";
import { managersOnly } from "./meetings";
import type { MatrixRow } from "../matrix-types";

/** An agenda item written in English only (its French missing), or in both languages (awaiting verification). */
async function item(titleFr: string) {
  const meeting = await makeMeeting();
  const created = await db.agendaItem.create({ data: { meetingId: meeting.id, position: 1, titleEn: "Item to translate", titleFr, minutes: 10 }, select: { id: true } });
  return `agenda_item:${created.id}:title`;
}

export const rows: MatrixRow[] = [
  { command: "translation.request", prepare: async () => ({ keys: [await item("")] }), expect: managersOnly },
  { command: "translation.verify", prepare: async () => ({ key: await item("Point à traduire") }), expect: managersOnly },
  {
    command: "translation.import",
    prepare: async () => ({ file: '<?xml version="1.0"?><xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="x" datatype="plaintext" source-language="en-CA" target-language="fr-CA"><body/></file></xliff>' }),
    expect: managersOnly,
  },
];
