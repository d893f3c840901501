import { randomUUID } from "node:crypto";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredCommands } from "@/lib/commands";
import type { SessionUser } from "@/lib/auth/types";
import { createDatabaseClient, db, type DatabaseHandles } from "@/lib/db";
import messages from "@/messages/en.json";
import { seed } from "@/prisma/seed";
import { databaseFingerprint } from "../../support/database";
import { loadCallers } from "../authz/callers";
import type { Caller } from "../authz/matrix-types";
import { createTemporaryDatabase, type TemporaryDatabase } from "../db/temporary-database";
import { makeInitiative } from "../initiatives/support";
import { makeActionItem } from "../meetings/support";
import { committedWrites, matrixRows, nextTransactionId } from "../reliability/support";

/**
 * Hostile input (issue 8, point 6): every registered command, called by every kind of signed-in caller with
 * random and malicious payloads (wrong types, missing and extra fields, huge strings, control characters, SQL
 * and HTML injection, other departments' ids), answers with a typed result, never an exception, and a refusal
 * commits nothing. Runs in a database of its own, seeded, since allowed calls write whatever they were given.
 *
 * RUNS (default 30) payloads per command; FUZZ_SEED picks another sequence (the default keeps CI repeatable).
 */
const runs = Number(process.env.FUZZ_RUNS ?? 30);
const fuzzSeed = Number(process.env.FUZZ_SEED ?? 20_070_914);
const callers: Caller[] = ["ADMIN", "COORDINATOR", "EXECUTIVE", "OWN_REP", "OTHER_REP"];
const failureCodes = new Set(["invalid", "unauthenticated", "forbidden", "not_found", "conflict"]);
const validationKeys = new Set(Object.keys(messages.Validation));

const globalForDb = globalThis as typeof globalThis & { __iwgtipDatabase?: DatabaseHandles };
let database: TemporaryDatabase;
let handles: DatabaseHandles;
let users: Record<Caller, SessionUser | null>;
let foreignIds: string[];
const { rows, cleanup } = matrixRows();

beforeAll(async () => {
  database = await createTemporaryDatabase();
  await seed(database.url, { log: () => {} });
  handles = createDatabaseClient(database.url);
  // Every `db` of the app (commands, row helpers) talks to this database for the length of this file.
  globalForDb.__iwgtipDatabase = handles;
  users = await loadCallers();
  const rcmp = await db.department.findUniqueOrThrow({ where: { acronymEn: "RCMP" }, select: { id: true } });
  const initiative = await makeInitiative("RCMP");
  const milestone = await db.milestone.create({ data: { initiativeId: initiative.id, titleEn: "Theirs", titleFr: "Le leur" }, select: { id: true } });
  const actionItem = await makeActionItem("RCMP");
  // Another department's records and ids that exist nowhere.
  foreignIds = [rcmp.id, initiative.id, milestone.id, actionItem.id, users.OTHER_REP!.id, randomUUID(), "00000000-0000-0000-0000-000000000000"];
}, 120_000);

afterAll(async () => {
  await cleanup();
  delete globalForDb.__iwgtipDatabase;
  await handles?.client.$disconnect();
  await handles?.pool.end();
  await database?.drop();
});

const hostileStrings = [
  "'; DROP TABLE initiatives; --",
  "' OR '1'='1",
  "1); DELETE FROM audit_events; --",
  "$1",
  "\\",
  "%_%",
  "<script>alert(document.cookie)</script>",
  "\"><img src=x onerror=alert(1)>",
  "javascript:alert(1)",
  "{{constructor.constructor('alert(1)')()}}",
  "\u0000",
  "title\u0000with a NUL",
  "\u0007\u001b[2J\u0008\u007f",
  "\r\n\t\v\f",
  "\u202eevil\u202c",
  "\ud800",
  "lone low \udfff surrogate",
  "🙂".repeat(400),
  "x".repeat(10_001),
  "é".repeat(100_001),
  " ".repeat(5_000),
  "",
  "0000-01-01",
  "9999-12-31",
  "2007-02-30",
  "24:61",
  "2007-08 Q5",
  "-1",
  "1e309",
  "NaN",
  "2147483648",
  "99999999999999999999",
  "not-a-uuid",
  "http://evil.example/\u0000",
  "__proto__",
];

const hostileValue = (ids: string[]) =>
  fc.oneof(
    fc.constantFrom(...hostileStrings),
    fc.constantFrom(...ids),
    fc.string({ unit: "binary", maxLength: 40 }),
    fc.string({ maxLength: 500 }),
    fc.integer(),
    fc.constantFrom(0, -1, 2_147_483_648, -2_147_483_649, Number.MAX_SAFE_INTEGER, 1e308, -0, Number.NaN, Number.POSITIVE_INFINITY),
    fc.double(),
    fc.boolean(),
    fc.constantFrom(null, undefined),
    fc.array(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 20 })), { maxLength: 60 }),
    fc.object({ maxDepth: 1 }),
  );

/** No key, a fresh one, or a hostile one. */
const idempotencyKey = fc.option(fc.oneof(fc.uuid(), fc.constantFrom(...hostileStrings)), { nil: undefined });

/** Payloads built around a valid input: one field replaced, all replaced, one missing, extra fields, or anything. */
function hostilePayload(base: unknown, ids: string[]) {
  const value = hostileValue(ids);
  const anything = fc.anything({ maxDepth: 2, withNullPrototype: true, withObjectString: true });
  if (!base || typeof base !== "object" || Array.isArray(base)) return fc.oneof(anything, value);
  const fields = Object.keys(base);
  const record = base as Record<string, unknown>;
  // A command without input (e.g. starting one's own enrolment): extra fields, or anything at all.
  if (fields.length === 0) {
    return fc.oneof(fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { minKeys: 1, maxKeys: 3 }), anything);
  }
  return fc.oneof(
    { arbitrary: fc.tuple(fc.constantFrom(...fields), value).map(([field, replacement]) => ({ ...record, [field]: replacement })), weight: 5 },
    { arbitrary: fc.tuple(...fields.map(() => value)).map((values) => Object.fromEntries(fields.map((field, index) => [field, values[index]]))), weight: 2 },
    { arbitrary: fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== field))), weight: 1 },
    { arbitrary: fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), value, { minKeys: 1, maxKeys: 3 }).map((extra) => ({ ...record, ...extra })), weight: 1 },
    { arbitrary: anything, weight: 1 },
  );
}

describe("every registered command under hostile input", () => {
  it("is covered (the matrix gives each command a valid input to start from)", () => {
    expect(registeredCommands().filter((command) => !rows.has(command.name)).map((command) => command.name)).toEqual([]);
  });

  for (const command of registeredCommands()) {
    it(`${command.name}: ${runs} hostile payloads, no exception, typed results, nothing written when refused`, async () => {
      const base = await rows.get(command.name)!.prepare();
      // The content hash of every table is the strongest check and the slowest: for the first refusals only.
      let fingerprinted = 0;
      await fc.assert(
        fc.asyncProperty(hostilePayload(base, foreignIds), fc.constantFrom(...callers), idempotencyKey, async (payload, caller, key) => {
          const hashBefore = fingerprinted < 3 ? await databaseFingerprint() : null;
          const from = await nextTransactionId();
          let result: Awaited<ReturnType<typeof command.execute>>;
          try {
            result = await command.execute(users[caller], payload, { idempotencyKey: key });
          } catch (error) {
            throw new Error(`${command.name} threw for ${caller}: ${error instanceof Error ? error.message : String(error)}`);
          }
          const committed = await committedWrites(from, await nextTransactionId());
          if (result.ok) {
            for (const transaction of committed) expect(transaction.audit_events, "a change without its audit event").toBeGreaterThan(0);
            return;
          }
          expect(failureCodes.has(result.code), `unknown result code ${result.code}`).toBe(true);
          if (result.code === "invalid") {
            for (const errors of Object.values(result.fieldErrors)) for (const error of errors) expect(validationKeys.has(error.key), `no message for ${error.key}`).toBe(true);
          }
          expect(committed, `${caller} was refused (${result.code}) yet a transaction committed`).toEqual([]);
          if (hashBefore) {
            fingerprinted += 1;
            expect(await databaseFingerprint(), "a refused call changed the database").toEqual(hashBefore);
          }
        }),
        { numRuns: runs, seed: fuzzSeed, endOnFailure: true },
      );
    }, 120_000);
  }
});
