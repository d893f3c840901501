import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { registeredCommands } from "@/lib/commands";
import { db } from "@/lib/db";
import { createInitiative, updateInitiative } from "@/lib/initiatives/commands";
import { initiativeInput, makeInitiative } from "../initiatives/support";
import { countChanges, tableCounts, matrixRowsAndCallers } from "./support";

/**
 * No lost updates, no double creations (issue 8, point 3). Commands are called as the server actions call
 * them, all at once, on the real database.
 */
const { rows, users } = matrixRowsAndCallers();

describe("50 simultaneous conflicting updates of one initiative", () => {
  it("lets exactly one win; the 49 others get a conflict, no error, and the version and audit trail count one change", async () => {
    const initiative = await makeInitiative("JUS");
    const editors = [users().ADMIN, users().COORDINATOR, users().OWN_REP];
    const base = await initiativeInput("JUS");
    const results = await Promise.allSettled(
      Array.from({ length: 50 }, (_, index) =>
        updateInitiative(editors[index % editors.length]!, { ...base, id: initiative.id, version: initiative.version, titleEn: `Concurrent edit ${index}` }),
      ),
    );

    const errors = results.filter((result) => result.status === "rejected");
    expect(errors, "no update may throw (a server error)").toEqual([]);
    const outcomes = results.map((result) => (result.status === "fulfilled" ? result.value : null));
    const winners = outcomes.flatMap((outcome, index) => (outcome?.ok ? [index] : []));
    expect(winners).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome && !outcome.ok && outcome.code === "conflict")).toHaveLength(49);

    const after = await db.initiative.findUniqueOrThrow({ where: { id: initiative.id }, select: { version: true, titleEn: true } });
    expect(after.version).toBe(initiative.version + 1);
    expect(after.titleEn).toBe(`Concurrent edit ${winners[0]}`);
    expect(await db.auditEvent.count({ where: { entityId: initiative.id, action: "initiative.update" } })).toBe(1);
  });
});

describe("idempotency keys on create forms", () => {
  it("turns 100 simultaneous submissions of one create form into exactly one initiative", async () => {
    const input = await initiativeInput("JUS", { titleEn: `Submitted twice ${randomUUID()}` });
    const key = randomUUID();
    const before = await tableCounts();
    const results = await Promise.all(Array.from({ length: 100 }, () => createInitiative(users().OWN_REP, input, { idempotencyKey: key })));

    expect(results.every((result) => result.ok)).toBe(true);
    const ids = new Set(results.map((result) => (result.ok ? (result.data as { id: string }).id : null)));
    expect(ids.size).toBe(1);
    expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
    expect(await db.initiative.count({ where: { titleEn: input.titleEn } })).toBe(1);
    expect(await db.auditEvent.count({ where: { entityId: [...ids][0]!, action: "initiative.create" } })).toBe(1);
    // One initiative, its partner, one audit event and one receipt: what a single submission writes (and the language
    // states of its title and summary, written by the initiatives trigger, issue 21).
    expect(countChanges(before, await tableCounts())).toEqual({ audit_events: 1, command_receipts: 1, initiative_partners: 1, initiatives: 1, text_language_states: 2 });
  });

  it("replays the first result to the same person only: another person's key, or another command, runs afresh", async () => {
    const key = randomUUID();
    const first = await createInitiative(users().OWN_REP, await initiativeInput("JUS"), { idempotencyKey: key });
    const again = await createInitiative(users().OWN_REP, await initiativeInput("JUS"), { idempotencyKey: key });
    const someoneElse = await createInitiative(users().COORDINATOR, await initiativeInput("JUS"), { idempotencyKey: key });
    expect(first.ok && again.ok && someoneElse.ok).toBe(true);
    if (!first.ok || !again.ok || !someoneElse.ok) return;
    expect(again).toMatchObject({ replayed: true, data: { id: first.data.id } });
    expect(someoneElse.data.id).not.toBe(first.data.id);
  });

  it("does not spend a key on a refused submission: the corrected one goes through", async () => {
    const key = randomUUID();
    const refused = await createInitiative(users().OWN_REP, await initiativeInput("JUS", { titleEn: "", titleFr: "" }), { idempotencyKey: key });
    expect(refused).toMatchObject({ ok: false, code: "invalid" });
    const forbidden = await createInitiative(users().OTHER_REP, await initiativeInput("JUS"), { idempotencyKey: key });
    expect(forbidden).toMatchObject({ ok: false, code: "forbidden" });
    const corrected = await createInitiative(users().OWN_REP, await initiativeInput("JUS"), { idempotencyKey: key });
    expect(corrected).toMatchObject({ ok: true });
    expect(corrected.ok && corrected.replayed).toBeFalsy();
  });

  it("refuses a key that is not a UUID, changing nothing", async () => {
    const before = await tableCounts();
    expect(await createInitiative(users().OWN_REP, await initiativeInput("JUS"), { idempotencyKey: "'; DROP TABLE initiatives; --" })).toMatchObject({ ok: false, code: "invalid" });
    expect(countChanges(before, await tableCounts())).toEqual({});
  });

  // Every command a create form (or the agenda builder's add form) calls.
  const createCommands = [
    "initiative.create",
    "initiative.postStatusUpdate",
    "milestone.add",
    "fundingLine.add",
    "actionItem.create",
    "meeting.create",
    "agenda.addItem",
    "decision.record",
    "minutes.amend",
    "updateCall.open",
    "user.create",
    "department.create",
    "pillar.create",
  ];

  for (const name of createCommands) {
    it(`${name}: 10 simultaneous submissions with one key write what one submission writes`, async () => {
      const command = registeredCommands().find((candidate) => candidate.name === name);
      const row = rows.get(name);
      expect(command && row, `${name} is registered and has a matrix row`).toBeTruthy();

      // One plain submission, for the expected change.
      const single = await row!.prepare();
      let before = await tableCounts();
      expect(await command!.execute(users().ADMIN, single, { idempotencyKey: randomUUID() })).toMatchObject({ ok: true });
      const expected = countChanges(before, await tableCounts());

      const input = await row!.prepare();
      const key = randomUUID();
      before = await tableCounts();
      const results = await Promise.all(Array.from({ length: 10 }, () => command!.execute(users().ADMIN, input, { idempotencyKey: key })));
      expect(results.map((result) => result.ok)).toEqual(Array(10).fill(true));
      expect(results.filter((result) => result.ok && !result.replayed)).toHaveLength(1);
      expect(new Set(results.map((result) => JSON.stringify(result.ok ? result.data : null))).size).toBe(1);
      expect(countChanges(before, await tableCounts())).toEqual(expected);
    });
  }
});
