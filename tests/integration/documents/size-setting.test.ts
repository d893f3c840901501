import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { documentMaxBytes } from "@/lib/documents/settings";
import { updateSettings } from "@/lib/settings/commands";
import { readSetting } from "@/lib/settings/queries";
import { expectUnchanged, sessionUser } from "../../support/database";
import { settingsForm, snapshotSettings } from "../settings/support";

let restore: () => Promise<void>;
beforeAll(async () => {
  restore = await snapshotSettings();
});
afterAll(async () => restore());

describe("the document size limit, a setting", () => {
  it("is 25 MB until an administrator changes it on the settings form, within 1 to 100 MB", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    expect(await documentMaxBytes()).toBe(25 * 1024 * 1024);
    const version = async () => String((await db.setting.findUnique({ where: { key: "documentMaxMegabytes" } }))?.version ?? 0);
    const tooBig = await settingsForm({ documentMaxMegabytes: "500", documentMaxMegabytesVersion: await version() });
    expect(await expectUnchanged(() => updateSettings(admin, tooBig))).toMatchObject({
      ok: false,
      code: "invalid",
      fieldErrors: { documentMaxMegabytes: [{ key: "megabytesRange", values: { min: 1, max: 100 } }] },
    });
    expect(await updateSettings(admin, await settingsForm({ documentMaxMegabytes: "40", documentMaxMegabytesVersion: await version() }))).toMatchObject({ ok: true, data: { changed: ["documentMaxMegabytes"] } });
    expect(await readSetting("documentMaxMegabytes")).toBe(40);
    expect(await documentMaxBytes()).toBe(40 * 1024 * 1024);
    // A form without the field (as the settings form was before) leaves it as it is.
    expect(await updateSettings(admin, await settingsForm({ staleDays: "91" }))).toMatchObject({ ok: true, data: { changed: ["staleDays"] } });
    expect(await readSetting("documentMaxMegabytes")).toBe(40);
  });
});
