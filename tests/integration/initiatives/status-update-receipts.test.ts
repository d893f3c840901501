import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { defineCommand } from "@/lib/kernel/registry";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { postStatusUpdate } from "@/lib/initiatives/commands";
import { committedWrites, countChanges, matrixRowsAndCallers, nextTransactionId, tableCounts } from "../reliability/support";
import { countStatements } from "../../support/statements";
import { makeInitiative } from "./support";

/*
 * Posting a status update with the form's idempotency key: the change, its two audit events and the key's receipt
 * in one statement (lib/commands/statement.ts), after the owner read. The guarantees of the transaction it replaces
 * hold: one run per key however many submissions arrive at once, the first result replayed, nothing written (and
 * the key not spent) when the post is refused, audit events with their change.
 */
const { users } = matrixRowsAndCallers();

const update = (initiativeId: string, progress = "40") => ({
  initiativeId,
  reportingPeriod: "2026-27 Q3",
  health: "AMBER",
  progress,
  narrativeEn: "Work continues.",
  narrativeFr: "Les travaux se poursuivent.",
});

describe("posting a status update with an idempotency key", () => {
  it("takes the owner read and one statement, and commits the update, its audit events and its receipt together", async () => {
    const initiative = await makeInitiative("JUS");
    const key = randomUUID();
    const requestId = randomUUID();
    const from = await nextTransactionId();
    const { result, statements } = await countStatements(() => postStatusUpdate(users().OWN_REP, update(initiative.id), { idempotencyKey: key, requestId }));
    const to = await nextTransactionId();
    expect(result).toMatchObject({ ok: true });
    expect(result.ok && result.replayed).toBeFalsy();
    expect(statements, statements.join("\n")).toHaveLength(2);

    // One transaction: the initiative, the update, two audit events, the receipt, the narrative's language
    // state (written by the status_updates trigger, issue 21) and the portfolio's data version (issue 23).
    expect(await committedWrites(from, to)).toEqual([expect.objectContaining({ rows: 7, audit_events: 2 })]);
    const id = result.ok ? result.data.id : "";
    expect(await db.auditEvent.count({ where: { requestId, entityId: { in: [id, initiative.id] } } })).toBe(2);
    const receipt = await db.commandReceipt.findUniqueOrThrow({ where: { actorId_command_key: { actorId: users().OWN_REP!.id, command: "initiative.postStatusUpdate", key } } });
    expect(receipt).toMatchObject({ result: { id }, requestId });
  });

  it("answers a repeated submission with the first result, in the same two statements, writing nothing", async () => {
    const initiative = await makeInitiative("JUS");
    const key = randomUUID();
    const first = await postStatusUpdate(users().OWN_REP, update(initiative.id), { idempotencyKey: key });
    const before = await tableCounts();
    const { result: again, statements } = await countStatements(() => postStatusUpdate(users().OWN_REP, update(initiative.id, "90"), { idempotencyKey: key }));
    expect(statements).toHaveLength(2);
    expect(again).toEqual({ ok: true, replayed: true, data: first.ok ? first.data : null });
    expect(countChanges(before, await tableCounts())).toEqual({});
    expect((await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).progress).toBe(40);
  });

  it("turns 100 simultaneous submissions with one key into one update, one receipt and one pair of audit events", async () => {
    const initiative = await makeInitiative("JUS");
    const key = randomUUID();
    const before = await tableCounts();
    const results = await Promise.all(Array.from({ length: 100 }, (_, index) => postStatusUpdate(users().OWN_REP, update(initiative.id, String(index)), { idempotencyKey: key })));

    expect(results.every((result) => result.ok)).toBe(true);
    const winners = results.flatMap((result, index) => (result.ok && !result.replayed ? [index] : []));
    expect(winners).toHaveLength(1);
    expect(new Set(results.map((result) => (result.ok ? (result.data as { id: string }).id : null))).size).toBe(1);
    expect(countChanges(before, await tableCounts())).toEqual({ audit_events: 2, command_receipts: 1, status_updates: 1, text_language_states: 1 });
    // The initiative shows the update that counted, not one of those undone.
    expect((await db.initiative.findUniqueOrThrow({ where: { id: initiative.id } })).progress).toBe(winners[0]);
  });

  it("runs one of simultaneous submissions with one key to different initiatives (one intent, one result)", async () => {
    const initiatives = await Promise.all(Array.from({ length: 5 }, () => makeInitiative("JUS")));
    const key = randomUUID();
    const before = await tableCounts();
    const results = await Promise.all(initiatives.map((initiative) => postStatusUpdate(users().OWN_REP, update(initiative.id), { idempotencyKey: key })));
    expect(results.every((result) => result.ok)).toBe(true);
    expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
    expect(countChanges(before, await tableCounts())).toEqual({ audit_events: 2, command_receipts: 1, status_updates: 1, text_language_states: 1 });
  });

  it("does not spend the key on a refused post; the same key is separate per person and per command", async () => {
    const initiative = await makeInitiative("JUS");
    const archived = await makeInitiative("JUS");
    await db.initiative.update({ where: { id: archived.id }, data: { archivedAt: new Date() } });
    const key = randomUUID();
    expect(await postStatusUpdate(users().OWN_REP, update(archived.id), { idempotencyKey: key })).toMatchObject({ ok: false, code: "not_found" });
    expect(await postStatusUpdate(users().OTHER_REP, update(initiative.id), { idempotencyKey: key })).toMatchObject({ ok: false, code: "forbidden" });
    const posted = await postStatusUpdate(users().OWN_REP, update(initiative.id), { idempotencyKey: key });
    expect(posted.ok && !posted.replayed).toBe(true);
    const byCoordinator = await postStatusUpdate(users().COORDINATOR, update(initiative.id), { idempotencyKey: key });
    expect(byCoordinator.ok && !byCoordinator.replayed).toBe(true);
    expect(await db.commandReceipt.count({ where: { key } })).toBe(2);
  });

  it("posts without a key in the owner read and one statement, with no receipt", async () => {
    const initiative = await makeInitiative("JUS");
    const before = await tableCounts();
    const { result, statements } = await countStatements(() => postStatusUpdate(users().OWN_REP, update(initiative.id)));
    expect(result).toMatchObject({ ok: true });
    expect(statements).toHaveLength(2);
    expect(countChanges(before, await tableCounts())).toEqual({ audit_events: 2, status_updates: 1, text_language_states: 1 });
  });
});

/** A statement command whose statement finds nothing to change (what happens when the record moved away after the owner read). */
const changeNothing = defineCommand({
  name: "test.statementChangesNothing",
  permission: "admin.manage",
  schema: z.object({}).strict(),
  atomicity: "statement",
  statement: ({ fresh }) => ({
    ctes: Prisma.sql`touched AS (UPDATE departments SET updated_at = now() WHERE false AND ${fresh} RETURNING id)`,
    changed: Prisma.sql`touched`,
    result: { touched: true },
  }),
});

describe("a one-statement command that changes nothing", () => {
  it("answers not_found and leaves the key unspent", async () => {
    const key = randomUUID();
    const before = await tableCounts();
    expect(await changeNothing(users().ADMIN, {}, { idempotencyKey: key })).toEqual({ ok: false, code: "not_found" });
    expect(await changeNothing(users().ADMIN, {})).toEqual({ ok: false, code: "not_found" });
    expect(countChanges(before, await tableCounts())).toEqual({});
  });
});
