import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { registeredCommands } from "@/lib/commands";
import { defineCommand } from "@/lib/kernel/registry";
import { CommandRefusal } from "@/lib/kernel/result";
import { db } from "@/lib/db";
import type { Caller } from "../authz/matrix-types";
import { committedWrites, nextTransactionId, matrixRowsAndCallers } from "../reliability/support";

/**
 * Every audit event is written in the transaction of the change it records (issue 8, point 4): a command that
 * fails after writing its event leaves neither, and every transaction a command commits holds its audit event.
 */
const { rows, users } = matrixRowsAndCallers();

/** A command that renames a department and audits it, then fails the way it is told to. */
const renameThenFail = defineCommand({
  name: "test.renameThenFail",
  permission: "admin.manage",
  schema: z.object({ departmentId: z.uuid(), failure: z.enum(["throw", "refuse"]) }),
  async run({ user, input, tx, requestId }) {
    await tx.department.update({ where: { id: input.departmentId }, data: { nameEn: "Renamed by a failing command" } });
    await recordAudit(tx, { actorId: user.id, action: "department.update", entityType: "department", entityId: input.departmentId, after: { nameEn: "Renamed by a failing command" }, requestId });
    if (input.failure === "refuse") throw new CommandRefusal({ ok: false, code: "forbidden" });
    throw new Error("the command failed after writing its audit event");
  },
});

describe("a command that fails after writing its audit event", () => {
  for (const failure of ["throw", "refuse"] as const) {
    it(`leaves neither the change nor the event (${failure})`, async () => {
      const department = await db.department.findFirstOrThrow({ where: { acronymEn: "SWC" }, select: { id: true, nameEn: true } });
      const requestId = randomUUID();
      const attempt = renameThenFail(users().ADMIN, { departmentId: department.id, failure }, { requestId });
      if (failure === "throw") await expect(attempt).rejects.toThrow(/failed after writing/);
      else await expect(attempt).resolves.toMatchObject({ ok: false, code: "forbidden" });
      expect(await db.auditEvent.count({ where: { requestId } })).toBe(0);
      expect((await db.department.findUniqueOrThrow({ where: { id: department.id } })).nameEn).toBe(department.nameEn);
    });
  }
});

describe("every registered command", () => {
  const order: Caller[] = ["ADMIN", "COORDINATOR", "OWN_REP", "EXECUTIVE", "OTHER_REP"];
  for (const command of registeredCommands().filter((candidate) => !candidate.name.startsWith("test."))) {
    it(`${command.name} commits its change and its audit event in one transaction`, async () => {
      const row = rows.get(command.name);
      expect(row, `no matrix row for ${command.name}`).toBeDefined();
      const caller = order.find((candidate) => row!.expect[candidate] === "allow")!;
      const input = await row!.prepare();
      const requestId = randomUUID();
      const from = await nextTransactionId();
      const result = await command.execute(users()[caller], input, { requestId });
      const to = await nextTransactionId();
      expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
      const transactions = await committedWrites(from, to);
      // Every matrix row prepares a change that happens, so exactly one transaction commits it: zero would make the
      // checks below pass over nothing (as they did when this asked for "at most one").
      expect(transactions.length, `${command.name} committed ${transactions.length} write transactions`).toBe(1);
      const [transaction] = transactions;
      expect(transaction!.audit_events, `transaction ${transaction!.xid} of ${command.name} wrote no audit event`).toBeGreaterThan(0);
      expect(await db.auditEvent.count({ where: { requestId } })).toBe(transaction!.audit_events);
    });
  }
});
