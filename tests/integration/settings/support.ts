import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingKeys, settingValue, type SettingKey } from "@/lib/settings/definitions";

type StoredSetting = { key: string; value: Prisma.JsonValue; version: number };

/** The settings form as the page would fill it now (current values and versions), with `changes` typed over it. */
export async function settingsForm(changes: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
  const rows = await db.setting.findMany({ where: { key: { in: settingKeys } }, select: { key: true, value: true, version: true } });
  const row = (key: SettingKey) => rows.find((candidate) => candidate.key === key);
  const marking = settingValue("securityMarking", row("securityMarking")?.value);
  const quorum = settingValue("quorumRule", row("quorumRule")?.value);
  return {
    securityMarkingEn: marking.en,
    securityMarkingFr: marking.fr,
    quorumMinimumDepartments: String(quorum.minimumDepartments),
    quorumChairRequired: quorum.chairRequired ? "on" : undefined,
    staleDays: String(settingValue("staleDays", row("staleDays")?.value)),
    sessionHours: String(settingValue("sessionHours", row("sessionHours")?.value)),
    oneTimePasswordHours: String(settingValue("oneTimePasswordHours", row("oneTimePasswordHours")?.value)),
    mfaRequiredForEveryone: settingValue("mfaRequiredForEveryone", row("mfaRequiredForEveryone")?.value) ? "on" : undefined,
    securityMarkingVersion: String(row("securityMarking")?.version ?? 0),
    quorumRuleVersion: String(row("quorumRule")?.version ?? 0),
    staleDaysVersion: String(row("staleDays")?.version ?? 0),
    sessionHoursVersion: String(row("sessionHours")?.version ?? 0),
    oneTimePasswordHoursVersion: String(row("oneTimePasswordHours")?.version ?? 0),
    mfaRequiredForEveryoneVersion: String(row("mfaRequiredForEveryone")?.version ?? 0),
    ...changes,
  };
}

/** The settings rows as they are, to put back after a test changed them (other tests read the seeded values). */
export async function snapshotSettings(): Promise<() => Promise<void>> {
  const saved: StoredSetting[] = await db.setting.findMany({ where: { key: { in: settingKeys } }, select: { key: true, value: true, version: true } });
  return async () => {
    await db.setting.deleteMany({ where: { key: { in: settingKeys, notIn: saved.map((row) => row.key) } } });
    for (const row of saved) {
      const value = row.value as Prisma.InputJsonValue;
      await db.setting.upsert({ where: { key: row.key }, create: { key: row.key, value, version: row.version }, update: { value, version: row.version } });
    }
  };
}
