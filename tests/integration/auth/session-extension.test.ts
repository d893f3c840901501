import { beforeAll, describe, expect, it } from "vitest";
import type { JWT } from "next-auth/jwt";
import { extendSession, sessionRemainingMs } from "@/lib/auth/session-extension";
import { endSession, startSession } from "@/lib/auth/sessions";
import { settingValue } from "@/lib/settings";
import { db } from "@/lib/db";

/*
 * "Continue my session" (issue 17.8, WCAG 2.2.1): the dialog's button goes through next-auth's session update, whose
 * jwt callback calls extendSession. An open, unexpired session is counted again from now, with an audit event; an
 * ended or expired one is never revived.
 */
const HOUR = 60 * 60 * 1000;
let repId: string;
let sessionHours: number;

beforeAll(async () => {
  repId = (await db.user.findUniqueOrThrow({ where: { email: "rep.jus@iwgtip.example" }, select: { id: true } })).id;
  sessionHours = settingValue("sessionHours", (await db.setting.findUnique({ where: { key: "sessionHours" } }))?.value);
});

function tokenFor(sid: string, signedInAt: number): JWT {
  return { uid: repId, sid, role: "DEPARTMENT_REP", departmentId: null, language: "en", signedInAt };
}

async function extensionsOf(sid: string) {
  return db.auditEvent.findMany({ where: { action: "auth.session_extended", entityId: sid }, select: { actorId: true, before: true, after: true } });
}

describe("continuing a session", () => {
  it("counts an open session again from now and audits it", async () => {
    const sid = await startSession(repId, "password");
    const signedInAt = Date.now() - (sessionHours * HOUR - 90_000); // 90 seconds left: the dialog is showing
    const now = Date.now();
    const extended = await extendSession(tokenFor(sid, signedInAt), { extend: true }, now);
    expect(extended.signedInAt).toBe(now);
    expect(sessionRemainingMs(extended.signedInAt, sessionHours, now)).toBe(sessionHours * HOUR);
    const events = await extensionsOf(sid);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ actorId: repId, before: { countedFrom: new Date(signedInAt).toISOString() }, after: { countedFrom: new Date(now).toISOString(), sessionHours } });
  });

  it("does not revive a session that has already ended by time", async () => {
    const sid = await startSession(repId, "password");
    const token = tokenFor(sid, Date.now() - sessionHours * HOUR - 1000);
    expect(await extendSession(token, { extend: true })).toEqual(token);
    expect(await extensionsOf(sid)).toHaveLength(0);
  });

  it("does not revive a session that was signed out or ended by an administrator", async () => {
    const sid = await startSession(repId, "password");
    await endSession(db, sid, repId, "sign_out");
    const token = tokenFor(sid, Date.now() - HOUR);
    expect(await extendSession(token, { extend: true })).toEqual(token);
    expect(await extensionsOf(sid)).toHaveLength(0);
  });

  it("does nothing for any other session update (or a forged one without the flag)", async () => {
    const sid = await startSession(repId, "password");
    const token = tokenFor(sid, Date.now() - HOUR);
    expect(await extendSession(token, undefined)).toEqual(token);
    expect(await extendSession(token, { extend: "yes" })).toEqual(token);
    expect(await extendSession({ ...token, uid: "00000000-0000-4000-8000-000000000000" }, { extend: true })).toEqual({ ...token, uid: "00000000-0000-4000-8000-000000000000" });
    expect(await extensionsOf(sid)).toHaveLength(0);
  });

  it("tells the remaining time as a duration, never negative", () => {
    expect(sessionRemainingMs(undefined, 8)).toBeNull();
    expect(sessionRemainingMs(1_000, 1, 1_000 + HOUR + 5)).toBe(0);
    expect(sessionRemainingMs(1_000, 2, 1_000 + HOUR)).toBe(HOUR);
  });
});
