import "server-only";
import { getTranslations } from "next-intl/server";
import { roles } from "@/lib/authz/permissions";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import type { FieldSpec } from "@/components/forms/command-form";

type DepartmentChoice = { id: string; acronymEn: string; acronymFr: string; nameEn: string; nameFr: string; active: boolean };
type AccountValues = { displayName: string; email: string; role: string; departmentId: string | null; preferredLanguage: string };

/** The fields of the create and edit forms of an account, labelled in the page's language. */
export async function accountFields(locale: Locale, departments: DepartmentChoice[], values?: AccountValues): Promise<FieldSpec[]> {
  const t = await getTranslations("AdminUsers");
  const roleNames = await getTranslations("Roles");
  return [
    { name: "displayName", label: t("displayName"), type: "text", defaultValue: values?.displayName ?? "", required: true, autoComplete: "off" },
    { name: "email", label: t("email"), type: "email", defaultValue: values?.email ?? "", required: true, autoComplete: "off" },
    { name: "role", label: t("role"), type: "select", defaultValue: values?.role ?? "DEPARTMENT_REP", options: roles.map((role) => ({ value: role, label: roleNames(role) })) },
    {
      name: "departmentId",
      label: t("department"),
      hint: t("departmentHint"),
      type: "select",
      defaultValue: values?.departmentId ?? "",
      options: [
        { value: "", label: t("noDepartment") },
        ...departments
          .filter((department) => department.active || department.id === values?.departmentId)
          .map((department) => ({
            value: department.id,
            label: `${byLocale(locale, department.acronymEn, department.acronymFr)} – ${byLocale(locale, department.nameEn, department.nameFr)}`,
          })),
      ],
    },
    {
      name: "preferredLanguage",
      label: t("language"),
      type: "select",
      defaultValue: values?.preferredLanguage ?? locale,
      options: [
        { value: "en", label: "English" },
        { value: "fr", label: "Français" },
      ],
    },
  ];
}
