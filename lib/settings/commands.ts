import "server-only";
import { lastChange } from "@/lib/audit/queries";
import { recordAudit } from "@/lib/audit/record";
import { defineCommand, type Tx } from "@/lib/kernel/registry";
import { CommandRefusal, type FieldError } from "@/lib/kernel/result";
import type { Prisma } from "@/lib/generated/prisma/client";
import { settingKeys, settingLimits, settingValue, translationVerifierRoleChoices, type SettingKey, type SettingValues } from "./definitions";
import { settingBounds } from "./queries";
import { updateSettingsSchema, type UpdateSettingsInput } from "./schemas";

/**
 * Administrators only: the security marking, the quorum rule, the days before an initiative is stale and the session
 * length, saved together. Only the settings whose value changes are written, each audited with its value before and
 * after. A setting changed by someone else since the form was opened makes the whole save a conflict (nothing is
 * written); one nobody touched in between never does. Readers query the table on every use, so the new values apply
 * from the next request on every instance.
 */
export const updateSettings = defineCommand({
  name: "settings.update",
  permission: "settings.update",
  schema: updateSettingsSchema,
  async run({ user, input, tx, requestId }) {
    await refuseOutOfBounds(tx, input);
    const wanted = valuesOf(input);
    const expectedVersions: Record<SettingKey, number> = {
      securityMarking: input.securityMarkingVersion,
      quorumRule: input.quorumRuleVersion,
      staleDays: input.staleDaysVersion,
      sessionHours: input.sessionHoursVersion,
      oneTimePasswordHours: input.oneTimePasswordHoursVersion,
      mfaRequiredForEveryone: input.mfaRequiredForEveryoneVersion,
      documentMaxMegabytes: input.documentMaxMegabytesVersion ?? 0,
      resultsVarianceMarginPercent: input.resultsVarianceMarginPercentVersion ?? 0,
      translationVerifierRoles: input.translationVerifierRolesVersion ?? 0,
    };
    const rows = await tx.setting.findMany({ where: { key: { in: settingKeys } }, select: { key: true, value: true, version: true } });
    const changed: SettingKey[] = [];
    for (const key of settingKeys) {
      const row = rows.find((candidate) => candidate.key === key);
      // A setting the form did not send (the document size limit and the verifier roles are optional) stays as it is.
      if (wanted[key] === undefined) continue;
      const value = wanted[key] as Prisma.InputJsonValue;
      if (JSON.stringify(settingValue(key, row?.value)) === JSON.stringify(value)) continue;
      const written = row
        ? await tx.setting.updateMany({ where: { key, version: expectedVersions[key] }, data: { value, version: { increment: 1 }, updatedById: user.id } })
        : expectedVersions[key] === 0
          ? await tx.setting.createMany({ data: [{ key, value, updatedById: user.id }], skipDuplicates: true })
          : { count: 0 };
      if (written.count === 0) throw new CommandRefusal({ ok: false, code: "conflict", ...(await lastChange(tx, "setting", key)) });
      await recordAudit(tx, { actorId: user.id, action: "setting.update", entityType: "setting", entityId: key, before: { value: row?.value ?? null }, after: { value }, requestId });
      changed.push(key);
    }
    return { changed };
  },
});

type OptionalSettings = "documentMaxMegabytes" | "translationVerifierRoles" | "resultsVarianceMarginPercent";

function valuesOf(input: UpdateSettingsInput): Omit<SettingValues, OptionalSettings> & Partial<Pick<SettingValues, OptionalSettings>> {
  return {
    securityMarking: { en: input.securityMarkingEn, fr: input.securityMarkingFr },
    quorumRule: { minimumDepartments: input.quorumMinimumDepartments, chairRequired: input.quorumChairRequired },
    staleDays: input.staleDays,
    sessionHours: input.sessionHours,
    oneTimePasswordHours: input.oneTimePasswordHours,
    mfaRequiredForEveryone: input.mfaRequiredForEveryone,
    documentMaxMegabytes: input.documentMaxMegabytes,
    resultsVarianceMarginPercent: input.resultsVarianceMarginPercent,
    translationVerifierRoles: input.translationVerifierRolesVersion === undefined ? undefined : verifierRoles(input),
  };
}

/** The ticked roles, in the order of the choices (so an unchanged selection compares equal to the stored one). */
function verifierRoles(input: UpdateSettingsInput): SettingValues["translationVerifierRoles"] {
  const ticked = { ADMIN: input.translationVerifyAdmin, COORDINATOR: input.translationVerifyCoordinator, DEPARTMENT_REP: input.translationVerifyRepresentative };
  return translationVerifierRoleChoices.filter((role) => ticked[role]);
}

/** The bounds that depend on the data and the server, checked once the form itself is valid. */
async function refuseOutOfBounds(tx: Tx, input: UpdateSettingsInput): Promise<void> {
  const bounds = settingBounds(await tx.department.count({ where: { active: true } }));
  const fieldErrors: Record<string, FieldError[]> = {};
  if (input.quorumMinimumDepartments > bounds.quorumDepartmentsMax) {
    fieldErrors.quorumMinimumDepartments = [{ key: "quorumDepartmentsRange", values: { min: settingLimits.quorumDepartments.min, max: bounds.quorumDepartmentsMax } }];
  }
  if (input.sessionHours > bounds.sessionHoursMax) {
    fieldErrors.sessionHours = [{ key: "sessionHoursRange", values: { min: settingLimits.sessionHours.min, max: bounds.sessionHoursMax } }];
  }
  if (Object.keys(fieldErrors).length > 0) throw new CommandRefusal({ ok: false, code: "invalid", fieldErrors });
}
