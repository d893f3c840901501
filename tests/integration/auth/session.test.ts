import { afterAll, beforeAll, describe, expect, it } from "vitest";
import pg from "pg";
import { loadSession } from "@/lib/auth/load-user";
import { sessionExpired } from "@/lib/auth/session-length";
import { startSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db";
import { updateSettings } from "@/lib/settings/commands";
import { sessionUser } from "../../support/database";
import { countStatements } from "../../support/statements";
import { settingsForm, snapshotSettings } from "../settings/support";

/*
 * The session check runs on every request: the user, their department and the `sessionHours` setting come back
 * from one statement, read afresh each time so that a change saved on one instance holds on every other one.
 */
let restore: () => Promise<void>;
let coordinatorId: string;
/** An open session of the coordinator's: the check answers no user without one (lib/auth/sessions.ts). */
let SESSION: string;

beforeAll(async () => {
  restore = await snapshotSettings();
  coordinatorId = (await db.user.findUniqueOrThrow({ where: { email: "coordinator@iwgtip.example" }, select: { id: true } })).id;
  SESSION = await startSession(coordinatorId, "password");
});
afterAll(() => restore());

describe("the session check", () => {
  it("reads the user, their department and sessionHours in one statement", async () => {
    const { result, statements } = await countStatements(() => loadSession(coordinatorId, SESSION));
    expect(statements).toHaveLength(1);
    expect(result.user).toEqual(await sessionUser("coordinator@iwgtip.example"));
    expect(result.user).toMatchObject({ email: "coordinator@iwgtip.example", role: "COORDINATOR" });
    const repId = (await db.user.findUniqueOrThrow({ where: { email: "rep.jus@iwgtip.example" } })).id;
    const rep = (await loadSession(repId, await startSession(repId, "password"))).user;
    expect(rep).toMatchObject({ role: "DEPARTMENT_REP", departmentAcronym: { en: "JUS", fr: "JUS" } });
    expect(result.sessionHours).toBe(await db.setting.findUnique({ where: { key: "sessionHours" } }).then((row) => row?.value ?? 8));
  });

  it("sees a change of sessionHours at once, whichever instance saved it, and ends longer sessions", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const signedInAt = Date.now() - 5 * 60 * 60 * 1000;
    expect(await updateSettings(admin, await settingsForm({ sessionHours: "6" }))).toMatchObject({ ok: true });
    let { sessionHours } = await loadSession(coordinatorId, SESSION);
    expect(sessionHours).toBe(6);
    expect(sessionExpired(signedInAt, sessionHours)).toBe(false);

    // Another instance of the portal: its own connection, its own process as far as this one knows.
    const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await other.connect();
    try {
      await other.query(`UPDATE settings SET value = '4'::jsonb, version = version + 1 WHERE key = 'sessionHours'`);
    } finally {
      await other.end();
    }
    ({ sessionHours } = await loadSession(coordinatorId, SESSION));
    expect(sessionHours).toBe(4);
    expect(sessionExpired(signedInAt, sessionHours)).toBe(true);
  });

  it("falls back to the default while sessionHours is unset or malformed", async () => {
    await db.setting.deleteMany({ where: { key: "sessionHours" } });
    expect((await loadSession(coordinatorId, SESSION)).sessionHours).toBe(8);
    await db.setting.create({ data: { key: "sessionHours", value: "many" } });
    expect((await loadSession(coordinatorId, SESSION)).sessionHours).toBe(8);
  });

  it("answers no user for an unknown id, a malformed id, or a deactivated account", async () => {
    expect((await loadSession("00000000-0000-4000-8000-000000000000", SESSION)).user).toBeNull();
    expect((await loadSession("not-a-uuid", SESSION)).user).toBeNull();
    const user = await db.user.create({ data: { email: `gone-${Date.now()}@iwgtip.example`, displayName: "Gone", role: "COORDINATOR", active: false } });
    expect((await loadSession(user.id, await startSession(user.id, "password"))).user).toBeNull();
  });
});
