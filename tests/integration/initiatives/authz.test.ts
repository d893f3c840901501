import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { registeredCommands } from "@/lib/commands";
import { rows } from "../authz/rows/initiatives";
import type { Caller } from "../authz/matrix-types";
import { sessionUser } from "../../support/database";

/**
 * Runs this domain's rows of the authorization matrix now (the shared harness of issue 3 runs every domain's):
 * each caller gets exactly the allow/deny the row expects, and a denied call changes nothing it can see.
 */
const emails: Record<Exclude<Caller, "SIGNED_OUT">, string> = {
  ADMIN: "admin@iwgtip.example",
  COORDINATOR: "coordinator@iwgtip.example",
  EXECUTIVE: "executive@iwgtip.example",
  OWN_REP: "rep.jus@iwgtip.example",
  OTHER_REP: "rep.rcmp@iwgtip.example",
};

describe("authorization of the initiative commands", () => {
  it("has a row for every initiative, milestone and funding-line command", () => {
    const mine = registeredCommands()
      .map((command) => command.name)
      .filter((name) => /^(initiative|milestone|fundingLine)\./.test(name));
    expect(rows.map((row) => row.command).sort()).toEqual(mine.sort());
  });

  for (const row of rows) {
    it(`${row.command}: allows and denies exactly as the policy says`, async () => {
      const command = registeredCommands().find((candidate) => candidate.name === row.command);
      expect(command, row.command).toBeDefined();
      for (const [caller, expected] of Object.entries(row.expect) as [Caller, "allow" | "deny"][]) {
        const user: SessionUser | null = caller === "SIGNED_OUT" ? null : await sessionUser(emails[caller]);
        const result = await command!.execute(user, await row.prepare());
        if (expected === "allow") expect(result, `${row.command} by ${caller}`).toMatchObject({ ok: true });
        else expect(result, `${row.command} by ${caller}`).toMatchObject({ ok: false, code: caller === "SIGNED_OUT" ? "unauthenticated" : "forbidden" });
      }
    });
  }
});
