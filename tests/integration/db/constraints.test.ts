import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, type DatabaseHandles } from "../../../lib/db";
import type { PrismaClient } from "../../../lib/generated/prisma/client";
import { seed } from "../../../prisma/seed";
import { createTemporaryDatabase, type TemporaryDatabase } from "./temporary-database";

let database: TemporaryDatabase;
let handles: DatabaseHandles;
let db: PrismaClient;
let ids: { jus: string; rcmp: string; prevention: string; initiative: string; meeting: string; admin: string };

beforeAll(async () => {
  database = await createTemporaryDatabase();
  await seed(database.url, { log: () => {} });
  handles = createDatabaseClient(database.url);
  db = handles.client;
  const department = (acronymEn: string) => db.department.findUniqueOrThrow({ where: { acronymEn } });
  ids = {
    jus: (await department("JUS")).id,
    rcmp: (await department("RCMP")).id,
    prevention: (await db.pillar.findUniqueOrThrow({ where: { code: "PREVENTION" } })).id,
    initiative: (await db.initiative.findUniqueOrThrow({ where: { code: "IWG-0004" } })).id,
    meeting: (await db.meeting.findUniqueOrThrow({ where: { sequenceNumber: 3 } })).id,
    admin: (await db.user.findUniqueOrThrow({ where: { email: "admin@iwgtip.example" } })).id,
  };
});

afterAll(async () => {
  await handles?.client.$disconnect();
  await handles?.pool.end();
  await database?.drop();
});

const initiative = (overrides: Record<string, unknown> = {}) => ({
  code: `IWG-T${Math.floor(Math.random() * 1e6)}`,
  titleEn: "Test initiative",
  titleFr: "Initiative d'essai",
  leadDepartmentId: ids.jus,
  primaryPillarId: ids.prevention,
  ...overrides,
});

describe("database constraints", () => {
  it("refuses progress above 100 or below 0", async () => {
    await expect(db.initiative.create({ data: initiative({ progress: 101 }) })).rejects.toThrow(/initiatives_progress_check/);
    await expect(db.initiative.create({ data: initiative({ progress: -1 }) })).rejects.toThrow(/initiatives_progress_check/);
    await expect(db.initiative.create({ data: initiative({ progress: 100 }) })).resolves.toMatchObject({ progress: 100 });
  });

  it("refuses negative funding amounts", async () => {
    const line = { initiativeId: ids.initiative, source: "Test fund", fiscalYear: 2009 };
    await expect(db.fundingLine.create({ data: { ...line, allocatedCents: -1n } })).rejects.toThrow(/funding_lines_allocated_cents_check/);
    await expect(db.fundingLine.create({ data: { ...line, spentCents: -500n } })).rejects.toThrow(/funding_lines_spent_cents_check/);
  });

  it("keeps one funding line per source and fiscal year, deleted lines aside", async () => {
    const line = { initiativeId: ids.initiative, source: "Partnership grant", fiscalYear: 2010, allocatedCents: 100n };
    const first = await db.fundingLine.create({ data: line });
    await expect(db.fundingLine.create({ data: { ...line, source: "PARTNERSHIP GRANT" } })).rejects.toThrow(/funding_lines_initiative_source_fiscal_year_key/);
    await db.fundingLine.update({ where: { id: first.id }, data: { deletedAt: new Date() } });
    await expect(db.fundingLine.create({ data: line })).resolves.toMatchObject({ fiscalYear: 2010 });
  });

  it("refuses a second department with the same acronym, whatever its case, in English or in French", async () => {
    const names = { nameEn: "Duplicate", nameFr: "Doublon" };
    await expect(db.department.create({ data: { acronymEn: "jus", acronymFr: "NEW1", ...names } })).rejects.toMatchObject({ code: "P2002" });
    await expect(db.department.create({ data: { acronymEn: "NEW2", acronymFr: "grc", ...names } })).rejects.toMatchObject({ code: "P2002" });
  });

  it("refuses an e-mail that differs from an existing one only by case, and finds users case-insensitively", async () => {
    await expect(
      db.user.create({ data: { email: "Rep.JUS@IWGTIP.example", displayName: "Copy", role: "EXECUTIVE" } }),
    ).rejects.toMatchObject({ code: "P2002" });
    await expect(db.user.findUnique({ where: { email: "ADMIN@iwgtip.example" } })).resolves.toMatchObject({ id: ids.admin });
  });

  it("refuses a department representative without a department", async () => {
    await expect(
      db.user.create({ data: { email: "norep@iwgtip.example", displayName: "No department", role: "DEPARTMENT_REP" } }),
    ).rejects.toThrow(/users_department_required_for_rep_check/);
    await expect(
      db.user.create({ data: { email: "rep2@iwgtip.example", displayName: "Rep", role: "DEPARTMENT_REP", departmentId: ids.rcmp } }),
    ).resolves.toMatchObject({ role: "DEPARTMENT_REP" });
  });

  it("refuses texts longer than their limit and blank titles", async () => {
    await expect(db.initiative.create({ data: initiative({ titleEn: "x".repeat(301) }) })).rejects.toMatchObject({ code: "P2000" });
    await expect(db.initiative.create({ data: initiative({ summaryFr: "é".repeat(4001) }) })).rejects.toThrow(/initiatives_summaries_length_check/);
    // A title in one language is enough (issue 4); blank in both is refused.
    await expect(db.initiative.create({ data: initiative({ titleEn: "", titleFr: "   " }) })).rejects.toThrow(/initiatives_titles_check/);
  });

  it("refuses a pillar colour that is not #RRGGBB", async () => {
    const pillar = { code: "EMPOWERMENT", nameEn: "Empowerment", nameFr: "Autonomisation", descriptionEn: "…", descriptionFr: "…" };
    await expect(db.pillar.create({ data: { ...pillar, colour: "blue" } })).rejects.toThrow(/pillars_colour_check/);
    await expect(db.pillar.create({ data: { ...pillar, colour: "#3A7D44" } })).resolves.toMatchObject({ code: "EMPOWERMENT" });
  });

  it("refuses a meeting that ends before it starts", async () => {
    await expect(
      db.meeting.create({
        data: {
          sequenceNumber: 99,
          titleEn: "Backwards",
          titleFr: "À rebours",
          startsAt: new Date("2027-01-10T15:00:00Z"),
          endsAt: new Date("2027-01-10T14:00:00Z"),
        },
      }),
    ).rejects.toThrow(/meetings_ends_after_start_check/);
  });

  it("refuses negative minutes for an agenda item, and a position taken twice among the items on the agenda", async () => {
    const item = { meetingId: ids.meeting, titleEn: "Item", titleFr: "Point" };
    await expect(db.agendaItem.create({ data: { ...item, position: 50, minutes: -5 } })).rejects.toThrow(/agenda_items_minutes_check/);
    const taken = await db.agendaItem.create({ data: { ...item, position: 51 } });
    await expect(db.agendaItem.create({ data: { ...item, position: 51 } })).rejects.toThrow(/agenda_items_live_position_key/);
    // A removed item keeps its position without holding it: another item may take it.
    const remover = await db.user.findFirstOrThrow({ select: { id: true } });
    await db.agendaItem.update({ where: { id: taken.id }, data: { deletedAt: new Date(), deletedById: remover.id } });
    await expect(db.agendaItem.create({ data: { ...item, position: 51 } })).resolves.toMatchObject({ position: 51 });
    await expect(db.agendaItem.update({ where: { id: taken.id }, data: { deletedById: null } })).rejects.toThrow(/agenda_items_deleted_check/);
  });

  it("lets a transaction swap two agenda positions (the uniqueness is checked at commit)", async () => {
    const items = await db.agendaItem.findMany({ where: { meetingId: ids.meeting }, orderBy: { position: "asc" }, take: 2 });
    const [first, second] = [items[0]!, items[1]!];
    await db.$transaction([
      db.agendaItem.update({ where: { id: first.id }, data: { position: second.position } }),
      db.agendaItem.update({ where: { id: second.id }, data: { position: first.position } }),
    ]);
    const swapped = await db.agendaItem.findMany({ where: { id: { in: [first.id, second.id] } } });
    expect(swapped.find((item) => item.id === first.id)?.position).toBe(second.position);
    expect(swapped.find((item) => item.id === second.id)?.position).toBe(first.position);
  });

  it("locks approved minutes: their text cannot change and they cannot be deleted", async () => {
    const minutes = await db.minutes.findFirstOrThrow({ where: { status: "APPROVED" } });
    await expect(db.minutes.update({ where: { id: minutes.id }, data: { bodyEn: "Rewritten" } })).rejects.toThrow(/locked/);
    await expect(db.minutes.delete({ where: { id: minutes.id } })).rejects.toThrow(/cannot be deleted/);
    await expect(
      db.minutesAmendment.create({ data: { minutesId: minutes.id, textEn: "Correction.", textFr: "Correction.", authorId: ids.admin } }),
    ).resolves.toMatchObject({ minutesId: minutes.id });
  });

  it("refuses a DONE action item without its completion time", async () => {
    await expect(
      db.actionItem.create({
        data: { titleEn: "Done", titleFr: "Fait", ownerDepartmentId: ids.jus, dueDate: new Date("2027-01-01"), status: "DONE" },
      }),
    ).rejects.toThrow(/action_items_done_has_completed_at_check/);
  });

  it("refuses foreign keys to rows that do not exist", async () => {
    await expect(db.initiative.create({ data: initiative({ leadDepartmentId: "00000000-0000-4000-8000-000000000000" }) })).rejects.toMatchObject({
      code: "P2003",
    });
  });
});

describe("audit_events", () => {
  it("accepts new events but refuses UPDATE and DELETE", async () => {
    const event = await db.auditEvent.create({
      data: { actorId: ids.admin, action: "initiative.update", entityType: "Initiative", entityId: ids.initiative, after: { progress: 50 } },
    });
    await expect(db.auditEvent.update({ where: { id: event.id }, data: { action: "tampered" } })).rejects.toThrow(/append-only: UPDATE/);
    await expect(db.auditEvent.delete({ where: { id: event.id } })).rejects.toThrow(/append-only: DELETE/);
    await expect(db.auditEvent.deleteMany({})).rejects.toThrow(/append-only/);
    await expect(db.$executeRaw`UPDATE audit_events SET action = 'tampered'`).rejects.toThrow(/append-only/);
    await expect(db.auditEvent.findUniqueOrThrow({ where: { id: event.id } })).resolves.toMatchObject({ action: "initiative.update" });
  });

  it("refuses TRUNCATE, also when another table's TRUNCATE would cascade to it", async () => {
    const count = await db.auditEvent.count();
    expect(count).toBeGreaterThan(0);
    await expect(db.$executeRaw`TRUNCATE audit_events`).rejects.toThrow(/append-only: TRUNCATE/);
    await expect(db.$executeRaw`TRUNCATE users CASCADE`).rejects.toThrow(/append-only: TRUNCATE/);
    expect(await db.auditEvent.count()).toBe(count);
    expect(await db.user.count()).toBeGreaterThan(0);
  });
});

describe("text lengths", () => {
  it("limits every text column: varchar(n), or a CHECK on its char_length", async () => {
    const unbounded = await db.$queryRaw<{ column_name: string }[]>`
      SELECT c.table_name || '.' || c.column_name AS column_name
        FROM information_schema.columns c
       WHERE c.table_schema = 'public' AND c.table_name <> '_prisma_migrations'
         AND (c.data_type = 'text' OR c.udt_name = 'citext' OR (c.data_type = 'character varying' AND c.character_maximum_length IS NULL))
         AND NOT EXISTS (
               SELECT 1
                 FROM pg_constraint k
                 JOIN pg_class t ON t.oid = k.conrelid
                 JOIN pg_namespace n ON n.oid = t.relnamespace
                WHERE n.nspname = 'public' AND t.relname = c.table_name AND k.contype = 'c'
                  AND pg_get_constraintdef(k.oid) ~ ('char_length[(][(]?"?' || c.column_name || '"?[):]'))
       ORDER BY 1`;
    expect(unbounded.map((row) => row.column_name)).toEqual([]);
  });

  it("refuses mail bodies and errors beyond their limits", async () => {
    const message = { dedupeKey: `limit-${Math.random()}`, toAddress: "someone@example.org", language: "en" as const, subject: "Limit", textBody: "x", htmlBody: "<p>x</p>" };
    await expect(db.outboundMessage.create({ data: { ...message, textBody: "x".repeat(1_000_001) } })).rejects.toThrow(/outbound_messages_bodies_length_check/);
    await expect(db.outboundMessage.create({ data: { ...message, lastError: "e".repeat(2001) } })).rejects.toThrow(/outbound_messages_last_error_length_check/);
  });
});

describe("full-text search on initiatives", () => {
  const search = async (text: string) =>
    (
      await db.$queryRaw<{ code: string }[]>`
        SELECT code FROM initiatives
        WHERE search_vector @@ initiative_search_query(${text})
        ORDER BY ts_rank(search_vector, initiative_search_query(${text})) DESC, code`
    ).map((row) => row.code);

  it('finds French titles containing "traite" whether the search has the accent or not', async () => {
    expect(await search("traite")).toContain("IWG-0001");
    expect(await search("Traité")).toContain("IWG-0001");
    expect(await search("évaluation binationale")).toEqual(["IWG-0007"]);
    expect(await search("evaluation binationale")).toEqual(["IWG-0007"]);
  });

  it("finds English words by their stem, summaries and codes too", async () => {
    expect(await search("trafficked children")).toContain("IWG-0008");
    expect(await search("wallet card")).toEqual(["IWG-0002"]);
    expect(await search("IWG-0010")).toEqual(["IWG-0010"]);
  });

  it("keeps the search vector current when a title changes", async () => {
    const created = await db.initiative.create({ data: initiative({ titleEn: "Hotline pilot", titleFr: "Projet pilote de ligne d'écoute" }) });
    expect(await search("hotline")).toEqual([created.code]);
    await db.initiative.update({ where: { id: created.id }, data: { titleEn: "Helpline pilot" } });
    expect(await search("hotline")).toEqual([]);
    expect(await search("écoute")).toEqual([created.code]);
  });
});
