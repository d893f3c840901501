import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { getSecurityMarking } from "@/lib/dashboard/queries";
import { listInitiativesToUpdate } from "@/lib/dashboard/home";
import { db } from "@/lib/db";
import { getStaleDays } from "@/lib/initiatives/queries";
import { recordAttendance } from "@/lib/meetings/attendance";
import { getAgendaPackage } from "@/lib/meetings/package";
import { updateSettings } from "@/lib/settings/commands";
import { getSettingsForEdit, readSetting } from "@/lib/settings/queries";
import { departmentId, expectUnchanged, sessionUser } from "../../support/database";
import { makeMeeting } from "../meetings/support";
import { settingsForm, snapshotSettings } from "./support";

let admin: SessionUser;
let restore: () => Promise<void>;

beforeAll(async () => {
  restore = await snapshotSettings();
  admin = await sessionUser("admin@iwgtip.example");
});

// Other test files read the seeded settings.
afterAll(() => restore());

describe("changing the settings", () => {
  it("saves what changed, audits each setting with its value before and after, and every reader sees it at once", async () => {
    const before = await db.setting.findMany({ select: { key: true, value: true, version: true } });
    const result = await updateSettings(
      admin,
      await settingsForm({ securityMarkingEn: "  PROTECTED A ", securityMarkingFr: "PROTÉGÉ A", quorumMinimumDepartments: "3", quorumChairRequired: undefined, staleDays: "30" }),
    );
    expect(result).toEqual({ ok: true, data: { changed: ["securityMarking", "quorumRule", "staleDays"] } });

    const events = await db.auditEvent.findMany({ where: { action: "setting.update", actorId: admin.id }, orderBy: { occurredAt: "desc" }, take: 3, select: { entityId: true, before: true, after: true } });
    const was = (key: string) => before.find((row) => row.key === key)?.value;
    expect(events.sort((a, b) => a.entityId.localeCompare(b.entityId))).toEqual([
      { entityId: "quorumRule", before: { value: was("quorumRule") }, after: { value: { minimumDepartments: 3, chairRequired: false } } },
      { entityId: "securityMarking", before: { value: was("securityMarking") }, after: { value: { en: "PROTECTED A", fr: "PROTÉGÉ A" } } },
      { entityId: "staleDays", before: { value: was("staleDays") }, after: { value: 30 } },
    ]);
    const sessionHours = await db.setting.findUniqueOrThrow({ where: { key: "sessionHours" }, select: { version: true, updatedById: true } });
    expect(sessionHours.version).toBe(before.find((row) => row.key === "sessionHours")?.version);

    // The readers: print pages, dashboards, lists and home pages, the quorum of a meeting.
    const meeting = await db.meeting.findFirstOrThrow({ select: { id: true } });
    expect((await getAgendaPackage(admin, meeting.id))?.securityMarking).toBe("PROTECTED A / PROTÉGÉ A");
    expect(await getSecurityMarking()).toBe("PROTECTED A / PROTÉGÉ A");
    expect(await getStaleDays()).toBe(30);
    expect((await listInitiativesToUpdate(await departmentId("JUS"))).staleDays).toBe(30);
    const held = await makeMeeting({ daysFromNow: -2 });
    const three = await db.department.findMany({ where: { isChair: false, active: true }, take: 3, select: { id: true } });
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const attendance = await recordAttendance(coordinator, { meetingId: held.id, entries: three.map((department) => ({ departmentId: department.id, status: "DELEGATE" })) });
    expect(attendance).toEqual({ ok: true, data: { quorumMet: true } });
  });

  it("writes nothing and audits nothing when nothing changed", async () => {
    const result = await expectUnchanged(async () => updateSettings(admin, await settingsForm()));
    expect(result).toEqual({ ok: true, data: { changed: [] } });
  });

  it("puts each bad value at its field, in the range that applies, and saves nothing", async () => {
    const activeDepartments = await db.department.count({ where: { active: true } });
    const invalid = async (changes: Record<string, unknown>) => expectUnchanged(async () => updateSettings(admin, await settingsForm(changes)));
    expect(await invalid({ securityMarkingEn: " ", securityMarkingFr: "X".repeat(61) })).toMatchObject({
      code: "invalid",
      fieldErrors: { securityMarkingEn: [{ key: "required" }], securityMarkingFr: [{ key: "tooLong", values: { max: 60 } }] },
    });
    for (const staleDays of ["0", "366", "abc", "2.5", ""]) {
      expect(await invalid({ staleDays })).toEqual({ ok: false, code: "invalid", fieldErrors: { staleDays: [{ key: "staleDaysRange", values: { min: 1, max: 365 } }] } });
    }
    expect(await invalid({ quorumMinimumDepartments: "0", sessionHours: "25" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: { quorumMinimumDepartments: [{ key: "quorumDepartmentsRange", values: { min: 1, max: 100 } }], sessionHours: [{ key: "sessionHoursRange", values: { min: 1, max: 24 } }] },
    });
    // Within what a setting may hold, but beyond the member departments and the server's session ceiling (8 h).
    expect(await invalid({ quorumMinimumDepartments: String(activeDepartments + 1), sessionHours: "9" })).toEqual({
      ok: false,
      code: "invalid",
      fieldErrors: {
        quorumMinimumDepartments: [{ key: "quorumDepartmentsRange", values: { min: 1, max: activeDepartments } }],
        sessionHours: [{ key: "sessionHoursRange", values: { min: 1, max: 8 } }],
      },
    });
    expect(await invalid({ role: "ADMIN" })).toMatchObject({ code: "invalid", fieldErrors: { _form: [{ key: "unknownField" }] } });
  });

  it("refuses a save that would undo someone else's change since the form was opened, naming who and when", async () => {
    const opened = await settingsForm();
    expect(await updateSettings(admin, await settingsForm({ sessionHours: opened.sessionHours === "4" ? "5" : "4" }))).toMatchObject({ ok: true });
    const conflict = await expectUnchanged(() => updateSettings(admin, { ...opened, staleDays: "45" }));
    expect(conflict).toMatchObject({ ok: false, code: "conflict", changedBy: admin.displayName });
    expect(conflict.ok === false && conflict.code === "conflict" && conflict.changedAt).toBeInstanceOf(Date);
  });

  it("creates a setting that was never stored, from version 0", async () => {
    await db.setting.delete({ where: { key: "sessionHours" } });
    const form = await settingsForm({ sessionHours: "6" });
    expect(form.sessionHoursVersion).toBe("0");
    expect(await updateSettings(admin, form)).toMatchObject({ ok: true, data: { changed: ["sessionHours"] } });
    expect(await db.setting.findUniqueOrThrow({ where: { key: "sessionHours" }, select: { value: true, version: true, updatedById: true } })).toEqual({ value: 6, version: 1, updatedById: admin.id });
    expect(await readSetting("sessionHours")).toBe(6);
  });

  it("gives the settings page the values, their versions, and the bounds of now", async () => {
    const { values, versions, limits } = await getSettingsForEdit(admin);
    const stored = await db.setting.findUniqueOrThrow({ where: { key: "staleDays" }, select: { value: true, version: true } });
    expect(values.staleDays).toBe(stored.value);
    expect(versions.staleDays).toBe(stored.version);
    expect(limits).toEqual({ quorumDepartmentsMax: await db.department.count({ where: { active: true } }), sessionHoursMax: 8 });
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    await expect(getSettingsForEdit(coordinator)).rejects.toThrow("not allowed");
  });

  it("falls back to the default for a malformed stored value", async () => {
    await db.setting.update({ where: { key: "staleDays" }, data: { value: "ninety" } });
    expect(await readSetting("staleDays")).toBe(90);
  });
});
