import { describe, expect, it } from "vitest";
import { registeredCommands } from "@/lib/commands";
import { rows } from "../authz/rows/meetings";
import type { Caller } from "../authz/matrix-types";
import { sessionUser } from "../../support/database";

const callers: Record<Exclude<Caller, "SIGNED_OUT">, string> = {
  ADMIN: "admin@iwgtip.example",
  COORDINATOR: "coordinator@iwgtip.example",
  EXECUTIVE: "executive@iwgtip.example",
  OWN_REP: "rep.jus@iwgtip.example",
  OTHER_REP: "rep.rcmp@iwgtip.example",
};

/** This domain's rows of the authorization matrix, run on their own until the shared harness runs them all. */
describe("the meeting cycle's authorization rows", () => {
  const commands = new Map(registeredCommands().map((command) => [command.name, command]));

  it("has a row for every command of the meeting cycle", () => {
    const ours = [...commands.keys()].filter((name) => /^(actionItem|meeting|agenda|updateCall|decision|minutes)\./.test(name));
    expect(rows.map((row) => row.command).sort()).toEqual(ours.sort());
  });

  for (const row of rows) {
    for (const [caller, expectation] of Object.entries(row.expect) as [Caller, "allow" | "deny"][]) {
      it(`${row.command}: ${caller} → ${expectation}`, async () => {
        const command = commands.get(row.command);
        expect(command, `${row.command} is registered`).toBeDefined();
        const user = caller === "SIGNED_OUT" ? null : await sessionUser(callers[caller]);
        const result = await command!.execute(user, await row.prepare());
        if (expectation === "allow") expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
        else expect(["forbidden", "unauthenticated", "not_found"]).toContain(!result.ok && result.code);
      });
    }
  }
});
