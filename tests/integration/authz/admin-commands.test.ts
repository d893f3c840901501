import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSessionUser } from "@/lib/auth/load-user";
import { authorizeCredentials } from "@/lib/auth/sign-in";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";
import { createDepartment, updateDepartment } from "@/lib/departments/commands";
import { createPillar, movePillar, updatePillar } from "@/lib/pillars/commands";
import { changeMyPassword, createUser, deactivateUser, reactivateUser, setOneTimePassword, updateMyPreferences, updateUser } from "@/lib/users/commands";
import { departmentId, expectUnchanged, sessionUser } from "../../support/database";

let admin: SessionUser;
let jusId: string;
const email = () => `admin-test-${randomUUID()}@test.example`;
const prefix = "ZZAT";

beforeAll(async () => {
  admin = await sessionUser("admin@iwgtip.example");
  jusId = await departmentId("JUS");
});

afterAll(async () => {
  // Other tests count the 16 departments and 4 pillars: remove what these tests made.
  await db.department.deleteMany({ where: { acronymEn: { startsWith: prefix } } });
  await db.pillar.deleteMany({ where: { code: { startsWith: prefix } } });
  const pillars = await db.pillar.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } });
  for (const [index, pillar] of pillars.entries()) await db.pillar.update({ where: { id: pillar.id }, data: { sortOrder: index + 1 } });
});

describe("administering accounts", () => {
  it("creates an account and audits what it was created with", async () => {
    const address = email();
    const result = await createUser(admin, { displayName: "  Léa Tremblay ", email: address.toUpperCase(), role: "DEPARTMENT_REP", departmentId: jusId, preferredLanguage: "fr" });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.data.id : "";
    expect(await db.user.findUniqueOrThrow({ where: { id }, select: { displayName: true, email: true, passwordHash: true } })).toEqual({ displayName: "Léa Tremblay", email: address, passwordHash: null });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "user.create" }, select: { actorId: true, after: true } });
    expect(event).toMatchObject({ actorId: admin.id, after: { email: address, role: "DEPARTMENT_REP", departmentId: jusId } });
  });

  it("puts each bad value at its field and saves nothing", async () => {
    const invalid = (input: Record<string, unknown>) => expectUnchanged(() => createUser(admin, { displayName: "X", email: email(), role: "EXECUTIVE", departmentId: "", preferredLanguage: "en", ...input }));
    expect(await invalid({ email: "not-an-email" })).toMatchObject({ code: "invalid", fieldErrors: { email: [{ key: "invalidEmail" }] } });
    expect(await invalid({ email: "REP.JUS@iwgtip.example" })).toMatchObject({ code: "invalid", fieldErrors: { email: [{ key: "emailTaken" }] } });
    expect(await invalid({ role: "DEPARTMENT_REP" })).toMatchObject({ code: "invalid", fieldErrors: { departmentId: [{ key: "departmentRequired" }] } });
    expect(await invalid({ role: "SUPERUSER" })).toMatchObject({ code: "invalid", fieldErrors: { role: [{ key: "invalidChoice" }] } });
    expect(await invalid({ departmentId: randomUUID() })).toMatchObject({ code: "invalid", fieldErrors: { departmentId: [{ key: "invalidChoice" }] } });
    expect(await invalid({ displayName: "" })).toMatchObject({ code: "invalid", fieldErrors: { displayName: [{ key: "required" }] } });
  });

  it("edits role and department with before and after in the audit, and refuses a stale version", async () => {
    const created = await createUser(admin, { displayName: "Edit Me", email: email(), role: "EXECUTIVE", departmentId: null, preferredLanguage: "en" });
    const id = created.ok ? created.data.id : "";
    const account = await db.user.findUniqueOrThrow({ where: { id }, select: { email: true } });
    const input = { id, version: 1, displayName: "Edit Me", email: account.email, role: "DEPARTMENT_REP", departmentId: jusId, preferredLanguage: "en" };
    expect(await updateUser(admin, input)).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "user.update" }, select: { before: true, after: true } });
    expect(event).toEqual({ before: { role: "EXECUTIVE", departmentId: null }, after: { role: "DEPARTMENT_REP", departmentId: jusId } });
    expect(await expectUnchanged(() => updateUser(admin, { ...input, displayName: "Too late" }))).toMatchObject({ code: "conflict", changedBy: admin.displayName });
  });

  it("never lets administrators lock themselves out", async () => {
    expect(await expectUnchanged(() => deactivateUser(admin, { id: admin.id }))).toMatchObject({ code: "invalid", fieldErrors: { _form: [{ key: "selfLockout" }] } });
    const self = await db.user.findUniqueOrThrow({ where: { id: admin.id }, select: { version: true } });
    const demote = { id: admin.id, version: self.version, displayName: admin.displayName, email: admin.email, role: "COORDINATOR", departmentId: null, preferredLanguage: admin.language };
    expect(await expectUnchanged(() => updateUser(admin, demote))).toMatchObject({ code: "invalid", fieldErrors: { role: [{ key: "selfLockout" }] } });
  });

  it("deactivates (the next request no longer has a user) and reactivates", async () => {
    const created = await createUser(admin, { displayName: "Leaving", email: email(), role: "EXECUTIVE", departmentId: null, preferredLanguage: "en" });
    const id = created.ok ? created.data.id : "";
    expect(await loadSessionUser(id)).not.toBeNull();
    expect(await deactivateUser(admin, { id })).toMatchObject({ ok: true });
    expect(await loadSessionUser(id)).toBeNull();
    expect(await reactivateUser(admin, { id })).toMatchObject({ ok: true });
    expect(await loadSessionUser(id)).not.toBeNull();
    const actions = await db.auditEvent.findMany({ where: { entityId: id }, orderBy: { occurredAt: "asc" }, select: { action: true } });
    expect(actions.map((event) => event.action)).toEqual(["user.create", "user.deactivate", "user.reactivate"]);
  });

  it("sets a one-time password that signs in and must then be changed", async () => {
    const address = email();
    const created = await createUser(admin, { displayName: "New Person", email: address, role: "EXECUTIVE", departmentId: null, preferredLanguage: "en" });
    const id = created.ok ? created.data.id : "";
    expect(await expectUnchanged(() => setOneTimePassword(admin, { id, password: "short" }))).toMatchObject({ fieldErrors: { password: [{ key: "tooShort", values: { min: 12 } }] } });
    expect(await expectUnchanged(() => setOneTimePassword(admin, { id, password: address }))).toMatchObject({ fieldErrors: { password: [{ key: "passwordIsEmail" }] } });
    expect(await setOneTimePassword(admin, { id, password: "temporary-password-1" })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "user.set_one_time_password" }, select: { before: true, after: true } });
    expect(JSON.stringify(event)).not.toContain("temporary-password-1");
    expect(await authorizeCredentials({ email: address, password: "temporary-password-1" }, { ip: "192.0.2.10" })).toMatchObject({ id });
    const person = (await loadSessionUser(id))!;
    expect(person.mustChangePassword).toBe(true);

    expect(await expectUnchanged(() => changeMyPassword(person, { currentPassword: "wrong-one", newPassword: "my-own-password-2007" }))).toMatchObject({ fieldErrors: { currentPassword: [{ key: "currentPasswordWrong" }] } });
    expect(await expectUnchanged(() => changeMyPassword(person, { currentPassword: "temporary-password-1", newPassword: address.toUpperCase() }))).toMatchObject({ fieldErrors: { newPassword: [{ key: "passwordIsEmail" }] } });
    expect(await changeMyPassword(person, { currentPassword: "temporary-password-1", newPassword: "my-own-password-2007" })).toMatchObject({ ok: true });
    expect((await loadSessionUser(id))!.mustChangePassword).toBe(false);
    expect(await authorizeCredentials({ email: address, password: "my-own-password-2007" }, { ip: "192.0.2.10" })).toMatchObject({ id });
  });

  it("saves one's own preferred language, with before and after", async () => {
    const created = await createUser(admin, { displayName: "Bilingual", email: email(), role: "EXECUTIVE", departmentId: null, preferredLanguage: "en" });
    const person = (await loadSessionUser(created.ok ? created.data.id : ""))!;
    expect(await updateMyPreferences(person, { preferredLanguage: "fr" })).toMatchObject({ ok: true });
    expect((await loadSessionUser(person.id))!.language).toBe("fr");
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: person.id, action: "profile.update_preferences" }, select: { before: true, after: true } });
    expect(event).toEqual({ before: { preferredLanguage: "en" }, after: { preferredLanguage: "fr" } });
    expect(await expectUnchanged(() => updateMyPreferences(person, { preferredLanguage: "de" }))).toMatchObject({ code: "invalid" });
  });
});

describe("administering departments and pillars", () => {
  it("adds a department, refuses a taken acronym at its field, and edits with before and after", async () => {
    const acronym = `${prefix}${randomUUID().slice(0, 6).toUpperCase()}`;
    const created = await createDepartment(admin, { acronymEn: acronym, acronymFr: `${acronym}F`, nameEn: "Test Agency", nameFr: "Agence d’essai" });
    expect(created.ok).toBe(true);
    const id = created.ok ? created.data.id : "";
    expect(await expectUnchanged(() => createDepartment(admin, { acronymEn: "rcmp", acronymFr: `${acronym}G`, nameEn: "X", nameFr: "X" }))).toMatchObject({
      fieldErrors: { acronymEn: [{ key: "acronymTaken" }] },
    });
    expect(await updateDepartment(admin, { id, version: 1, acronymEn: acronym, acronymFr: `${acronym}F`, nameEn: "Renamed Agency", nameFr: "Agence d’essai", active: false })).toMatchObject({ ok: true });
    const event = await db.auditEvent.findFirstOrThrow({ where: { entityId: id, action: "department.update" }, select: { before: true, after: true } });
    expect(event).toEqual({ before: { nameEn: "Test Agency", active: true }, after: { nameEn: "Renamed Agency", active: false } });
  });

  it("adds a pillar last, refuses a bad colour, and reorders", async () => {
    const code = `${prefix}_${randomUUID().slice(0, 6).toUpperCase()}`;
    const input = { code, nameEn: "Empowerment", nameFr: "Autonomisation", descriptionEn: "", descriptionFr: "", colour: "#2e7d32" };
    expect(await expectUnchanged(() => createPillar(admin, { ...input, colour: "green" }))).toMatchObject({ fieldErrors: { colour: [{ key: "colourFormat" }] } });
    const created = await createPillar(admin, input);
    const id = created.ok ? created.data.id : "";
    const order = async () => (await db.pillar.findMany({ orderBy: [{ sortOrder: "asc" }, { code: "asc" }], select: { id: true } })).map((pillar) => pillar.id);
    const before = await order();
    expect(before.at(-1)).toBe(id);
    expect((await db.pillar.findUniqueOrThrow({ where: { id }, select: { colour: true } })).colour).toBe("#2E7D32");
    expect(await movePillar(admin, { id, direction: "up" })).toMatchObject({ ok: true, data: { moved: true } });
    const after = await order();
    expect(after.at(-2)).toBe(id);
    expect(after.at(-1)).toBe(before.at(-2));
    expect(await updatePillar(admin, { id, version: 1, ...input, colour: "#123456", active: true, code: undefined })).toMatchObject({ code: "invalid" });
    const { code: _code, ...editable } = input;
    expect(await updatePillar(admin, { id, version: 1, ...editable, colour: "#123456", active: true })).toMatchObject({ ok: true });
  });
});
