import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { departmentChoices } from "@/lib/users/queries";
import { accountFields } from "@/components/accounts/account-fields";
import { CommandForm } from "@/components/forms/command-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { createUserAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users/new">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  return { title: t("create") };
}

export default async function NewUserPage({ params }: PageProps<"/[locale]/admin/users/new">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const t = await getTranslations("AdminUsers");
  const fields = await accountFields(locale, await departmentChoices(user));
  return (
    <>
      <AdminPageHeader title={t("create")} section={{ label: t("title"), href: "/admin/users" }}>
        <p>{t("createIntro")}</p>
      </AdminPageHeader>
      <CommandForm action={createUserAction} fields={fields} submitLabel={t("createSubmit")} testId="create-user" creates />
    </>
  );
}
