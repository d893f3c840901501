import { describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { updateNotices } from "@/lib/notifications/commands";
import { sessionUser } from "../../support/database";
import { makeUser } from "./fixtures";

async function sessionFor(language: "en" | "fr"): Promise<SessionUser> {
  return sessionUser((await makeUser({ role: "EXECUTIVE", language })).email);
}

describe("profile.updateNotices", () => {
  it("saves which notices a user gets and their language, with an audit event of what changed", async () => {
    const user = await sessionFor("en");
    const result = await updateNotices(user, { language: "fr", notices: ["AGENDA", "MINUTES_CIRCULATED"] });
    expect(result).toMatchObject({ ok: true });
    const saved = await db.user.findUniqueOrThrow({ where: { id: user.id }, include: { noticePreferences: true } });
    expect(saved.preferredLanguage).toBe("fr");
    expect(saved.noticePreferences.filter((preference) => preference.enabled).map((preference) => preference.kind).sort()).toEqual(["AGENDA", "MINUTES_CIRCULATED"]);
    const [event] = await db.auditEvent.findMany({ where: { action: "profile.update_notices", entityId: user.id } });
    expect(event?.before).toEqual({ noticesOff: [], preferredLanguage: "en" });
    expect(event?.after).toEqual({
      noticesOff: ["ACTION_ITEM_ASSIGNED", "AGENDA_PROPOSAL", "DISCUSSION", "OVERDUE_DIGEST", "PAPER_REQUESTED", "PAPER_REQUEST_REMINDER", "UPDATE_CALL_OPENED", "UPDATE_CALL_REMINDER"],
      preferredLanguage: "fr",
    });
  });

  it("leaves the language alone when the form does not send one", async () => {
    const user = await sessionFor("fr");
    expect(await updateNotices(user, { notices: [] })).toMatchObject({ ok: true, data: { language: "fr" } });
  });

  it("refuses an unknown notice or language at the field and changes nothing", async () => {
    const user = await sessionFor("en");
    const result = await updateNotices(user, { language: "de", notices: ["SPAM"] });
    expect(result).toMatchObject({ ok: false, code: "invalid" });
    if (!result.ok && result.code === "invalid") {
      expect(Object.keys(result.fieldErrors).sort()).toEqual(["language", "notices.0"]);
    }
    expect(await db.noticePreference.count({ where: { userId: user.id } })).toBe(0);
    expect(await updateNotices(user, { notices: [], userId: "someone-else" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("answers a signed-out caller with unauthenticated", async () => {
    expect(await updateNotices(null, { notices: [] })).toEqual({ ok: false, code: "unauthenticated" });
  });
});
