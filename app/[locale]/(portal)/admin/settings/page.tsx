import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { printedMarking, settingLimits } from "@/lib/settings/definitions";
import { getSettingsForEdit } from "@/lib/settings/queries";
import { CommandForm } from "@/components/forms/command-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { SavedNotice } from "@/components/ui/status-notice";
import { updateSettingsAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/settings">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminSettings" });
  return { title: t("title") };
}

/** The values an administrator changes without a release (DESIGN.md §2), saved together by `settings.update`. */
export default async function SettingsPage({ params, searchParams }: PageProps<"/[locale]/admin/settings">) {
  const { user } = await guardPage(params, "settings.update");
  const query = await searchParams;
  const { values, versions, limits } = await getSettingsForEdit(user);
  const t = await getTranslations("AdminSettings");
  const sessions = await getTranslations("Sessions");
  const mfa = await getTranslations("Mfa");
  const results = await getTranslations("ResultsEdit");
  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>{t("intro")}</p>
        <p>{t("printedAs", { marking: printedMarking(values.securityMarking) })}</p>
      </AdminPageHeader>
      <SavedNotice show={query.saved} />
      <CommandForm
        action={updateSettingsAction}
        testId="settings"
        submitLabel={t("save")}
        fields={[
          { name: "securityMarkingVersion", label: "", type: "hidden", defaultValue: String(versions.securityMarking) },
          { name: "quorumRuleVersion", label: "", type: "hidden", defaultValue: String(versions.quorumRule) },
          { name: "staleDaysVersion", label: "", type: "hidden", defaultValue: String(versions.staleDays) },
          { name: "sessionHoursVersion", label: "", type: "hidden", defaultValue: String(versions.sessionHours) },
          { name: "oneTimePasswordHoursVersion", label: "", type: "hidden", defaultValue: String(versions.oneTimePasswordHours) },
          { name: "mfaRequiredForEveryoneVersion", label: "", type: "hidden", defaultValue: String(versions.mfaRequiredForEveryone) },
          { name: "documentMaxMegabytesVersion", label: "", type: "hidden", defaultValue: String(versions.documentMaxMegabytes) },
          { name: "resultsVarianceMarginPercentVersion", label: "", type: "hidden", defaultValue: String(versions.resultsVarianceMarginPercent) },
          { name: "translationVerifierRolesVersion", label: "", type: "hidden", defaultValue: String(versions.translationVerifierRoles) },
          {
            name: "securityMarkingEn",
            label: t("markingEn"),
            hint: t("markingEnHint", { max: settingLimits.markingLength }),
            type: "text",
            defaultValue: values.securityMarking.en,
            required: true,
          },
          {
            name: "securityMarkingFr",
            label: t("markingFr"),
            hint: t("markingFrHint", { max: settingLimits.markingLength }),
            type: "text",
            defaultValue: values.securityMarking.fr,
            required: true,
          },
          {
            name: "quorumMinimumDepartments",
            label: t("quorumDepartments"),
            hint: t("quorumDepartmentsHint", { max: limits.quorumDepartmentsMax }),
            type: "text",
            defaultValue: String(values.quorumRule.minimumDepartments),
            required: true,
          },
          { name: "quorumChairRequired", label: t("quorumChair"), type: "checkbox", defaultValue: values.quorumRule.chairRequired },
          {
            name: "staleDays",
            label: t("staleDays"),
            hint: t("staleDaysHint", settingLimits.staleDays),
            type: "text",
            defaultValue: String(values.staleDays),
            required: true,
          },
          {
            name: "sessionHours",
            label: t("sessionHours"),
            hint: t("sessionHoursHint", { min: settingLimits.sessionHours.min, max: limits.sessionHoursMax }),
            type: "text",
            defaultValue: String(values.sessionHours),
            required: true,
          },
          {
            name: "oneTimePasswordHours",
            label: sessions("oneTimePasswordHours"),
            hint: sessions("oneTimePasswordHoursHint", settingLimits.oneTimePasswordHours),
            type: "text",
            defaultValue: String(values.oneTimePasswordHours),
            required: true,
          },
          { name: "mfaRequiredForEveryone", label: mfa("everyone"), type: "checkbox", defaultValue: values.mfaRequiredForEveryone },
          {
            name: "documentMaxMegabytes",
            label: t("documentMaxMegabytes"),
            hint: t("documentMaxMegabytesHint", settingLimits.documentMaxMegabytes),
            type: "text",
            defaultValue: String(values.documentMaxMegabytes),
            required: true,
          },
          {
            name: "resultsVarianceMarginPercent",
            label: results("resultsVarianceMarginPercent"),
            hint: results("resultsVarianceMarginPercentHint"),
            type: "text",
            defaultValue: String(values.resultsVarianceMarginPercent),
            required: true,
          },
          // Who may mark a translation verified (issue 21); a representative only for their department's texts.
          { name: "translationVerifyAdmin", label: t("verifyAdmin"), type: "checkbox", defaultValue: values.translationVerifierRoles.includes("ADMIN") },
          { name: "translationVerifyCoordinator", label: t("verifyCoordinator"), type: "checkbox", defaultValue: values.translationVerifierRoles.includes("COORDINATOR") },
          {
            name: "translationVerifyRepresentative",
            label: t("verifyRepresentative"),
            hint: t("verifyRepresentativeHint"),
            type: "checkbox",
            defaultValue: values.translationVerifierRoles.includes("DEPARTMENT_REP"),
          },
        ]}
      />
    </>
  );
}
