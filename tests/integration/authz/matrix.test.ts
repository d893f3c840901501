import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredCommands } from "@/lib/commands";
import type { SessionUser } from "@/lib/auth/types";
import { databaseFingerprint } from "../../support/database";
import { loadCallers } from "./callers";
import type { Caller, MatrixRow } from "./matrix-types";

/**
 * The authorization matrix (issue 3): every registered command, called by every kind of caller
 * on real data, gets exactly the allow or deny its row expects; a denied call changes nothing.
 * Rows live in ./rows/*.ts (one file per domain) and are picked up automatically.
 */
type RowModule = { rows: MatrixRow[]; cleanup?: () => Promise<void> };

const modules = Object.values(import.meta.glob<RowModule>("./rows/*.ts", { eager: true }));
const rows = modules.flatMap((rowModule) => rowModule.rows);
const callers: Caller[] = ["ADMIN", "COORDINATOR", "EXECUTIVE", "OWN_REP", "OTHER_REP", "SIGNED_OUT"];
const refusals = new Set(["unauthenticated", "forbidden", "not_found"]);

let users: Record<Caller, SessionUser | null>;

beforeAll(async () => {
  users = await loadCallers();
});

afterAll(async () => {
  for (const rowModule of modules) await rowModule.cleanup?.();
});

describe("the authorization matrix", () => {
  it("has exactly one row for every registered command, and no row for a command that does not exist", () => {
    const registered = registeredCommands().map((command) => command.name);
    const covered = rows.map((row) => row.command);
    expect(registered.filter((name) => !covered.includes(name)), "registered commands without a matrix row").toEqual([]);
    expect(covered.filter((name) => !registered.includes(name)), "matrix rows for unknown commands").toEqual([]);
    expect(covered.filter((name, index) => covered.indexOf(name) !== index), "commands with two rows").toEqual([]);
  });

  it("denies every command to a signed-out caller", () => {
    expect(rows.filter((row) => row.expect.SIGNED_OUT !== "deny").map((row) => row.command)).toEqual([]);
  });

  for (const command of registeredCommands()) {
    const row = rows.find((candidate) => candidate.command === command.name);
    describe(command.name, () => {
      for (const caller of callers) {
        const expected = row?.expect[caller];
        it(`${expected ?? "has a row"} for ${caller}`, async () => {
          expect(row, `no matrix row for ${command.name}`).toBeDefined();
          const input = await row!.prepare();
          if (expected === "allow") {
            const result = await command.execute(users[caller], input);
            expect(result, `${caller} should be allowed ${command.name}`).toMatchObject({ ok: true });
          } else {
            const before = await databaseFingerprint();
            const result = await command.execute(users[caller], input);
            expect(result.ok, `${caller} should be refused ${command.name}`).toBe(false);
            expect(!result.ok && refusals.has(result.code), `refused as ${result.ok ? "ok" : result.code}, not as a refusal`).toBe(true);
            expect(await databaseFingerprint(), "a refused call changed the database").toEqual(before);
          }
        });
      }
    });
  }
});
