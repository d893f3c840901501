import "server-only";
import type { SessionUser } from "@/lib/auth/types";
import { requirePermission } from "@/lib/authz/require";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingKeys, settingLimits, settingValue, type SettingKey, type SettingValues } from "./definitions";

/** The app's client or a command's transaction: a command reads the setting it acts on inside its transaction. */
type SettingsClient = Pick<Prisma.TransactionClient, "setting">;

/*
 * Every read goes to the database, on purpose: settings are read a handful of times per request, and a cache in
 * one process would go stale on every other instance behind the load balancer when an administrator saves.
 */

/** One setting's current value (its default when unset or malformed). */
export async function readSetting<K extends SettingKey>(key: K, client: SettingsClient = db): Promise<SettingValues[K]> {
  const row = await client.setting.findUnique({ where: { key }, select: { value: true } });
  return settingValue(key, row?.value);
}

/** What the settings page edits: each value with the version it is at (0 while the row does not exist yet). */
export async function getSettingsForEdit(user: SessionUser) {
  requirePermission(user, "settings.update");
  const [rows, activeDepartments] = await Promise.all([
    db.setting.findMany({ where: { key: { in: settingKeys } }, select: { key: true, value: true, version: true } }),
    db.department.count({ where: { active: true } }),
  ]);
  const stored = new Map(rows.map((row) => [row.key, row]));
  const values = Object.fromEntries(settingKeys.map((key) => [key, settingValue(key, stored.get(key)?.value)])) as SettingValues;
  const versions = Object.fromEntries(settingKeys.map((key) => [key, stored.get(key)?.version ?? 0])) as Record<SettingKey, number>;
  return { values, versions, limits: settingBounds(activeDepartments) };
}

/**
 * The bounds that depend on the portal as it is now: quorum cannot ask for more departments than are members, and a
 * session cannot outlast the server's ceiling (SESSION_MAX_AGE_HOURS, which next-auth's cookie uses).
 */
export function settingBounds(activeDepartments: number) {
  const ceiling = Math.min(settingLimits.sessionHours.max, Math.floor(env().SESSION_MAX_AGE_HOURS));
  return {
    quorumDepartmentsMax: Math.min(settingLimits.quorumDepartments.max, Math.max(1, activeDepartments)),
    sessionHoursMax: Math.max(settingLimits.sessionHours.min, ceiling),
  };
}
