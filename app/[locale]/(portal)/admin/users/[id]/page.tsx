import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { departmentChoices, getUserForEdit } from "@/lib/users/queries";
import { accountFields } from "@/components/accounts/account-fields";
import { CommandForm } from "@/components/forms/command-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { recordIdentityFields } from "@/components/admin/edit-record-page";
import { SavedNotice } from "@/components/ui/status-notice";
import { openSessionCount } from "@/lib/auth/sessions";
import { ssoLinkStatus } from "@/lib/auth/sso-link";
import { mfaEnrolledOf } from "@/lib/auth/mfa";
import { allowSsoLinkAction, deactivateUserAction, endUserSessionsAction, resetMfaAction, reactivateUserAction, setOneTimePasswordAction, updateUserAction } from "../../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  return { title: t("edit") };
}

export default async function EditUserPage({ params, searchParams }: PageProps<"/[locale]/admin/users/[id]">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const { id } = await params;
  const query = await searchParams;
  const account = await getUserForEdit(user, id);
  if (!account) notFound();
  const t = await getTranslations("AdminUsers");
  const sessions = await getTranslations("Sessions");
  const mfa = await getTranslations("Mfa");
  const [openSessions, sso, mfaOn] = await Promise.all([openSessionCount(user, account.id), ssoLinkStatus(user, account.id), mfaEnrolledOf(user, account.id)]);
  const fields = await accountFields(locale, await departmentChoices(user), account);
  const locked = account.lockedUntil && account.lockedUntil > new Date();
  return (
    <>
      <AdminPageHeader title={account.displayName} section={{ label: t("title"), href: "/admin/users" }}>
        <p>
          {account.active ? t("active") : t("inactive")}
          {locked && ` · ${t("lockedUntil", { when: formatDateTime(account.lockedUntil!, locale) })}`}
          {account.mustChangePassword && ` · ${t("mustChangePassword")}`}
          {` · ${account.lastSignInAt ? t("lastSignIn", { when: formatDateTime(account.lastSignInAt, locale) }) : t("neverSignedIn")}`}
        </p>
      </AdminPageHeader>
      <SavedNotice show={query.saved} />
      <h2>{t("edit")}</h2>
      <CommandForm
        action={updateUserAction}
        testId="edit-user"
        submitLabel={t("save")}
        fields={[...recordIdentityFields(account), ...fields]}
      />
      <h2>{account.active ? t("deactivateHeading") : t("reactivateHeading")}</h2>
      <p>{account.active ? t("deactivateHelp") : t("reactivateHelp")}</p>
      <CommandForm
        action={account.active ? deactivateUserAction : reactivateUserAction}
        testId="activation"
        submitLabel={account.active ? t("deactivate") : t("reactivate")}
        fields={[{ name: "id", label: "", type: "hidden", defaultValue: account.id }]}
      />
      <h2>{sessions("endAllHeading")}</h2>
      <p>{sessions("endAllHelp", { count: openSessions })}</p>
      <CommandForm
        action={endUserSessionsAction}
        testId="end-sessions"
        submitLabel={sessions("endAll")}
        fields={[{ name: "id", label: "", type: "hidden", defaultValue: account.id }]}
      />
      <h2>{sessions("ssoHeading")}</h2>
      <p>{sessions(`sso_${sso}`)}</p>
      {sso === "notAllowed" && account.role === "ADMIN" && (
        <CommandForm
          action={allowSsoLinkAction}
          testId="allow-sso-link"
          submitLabel={sessions("allowSsoLink")}
          fields={[{ name: "id", label: "", type: "hidden", defaultValue: account.id }]}
        />
      )}
      <h2>{mfa("resetHeading")}</h2>
      <p>{mfaOn ? mfa("resetHelpOn") : mfa("resetHelpOff")}</p>
      {mfaOn && (
        <CommandForm action={resetMfaAction} testId="reset-mfa" submitLabel={mfa("reset")} fields={[{ name: "id", label: "", type: "hidden", defaultValue: account.id }]} />
      )}
      <h2>{t("oneTimePasswordHeading")}</h2>
      <p>{t("oneTimePasswordHelp")}</p>
      <CommandForm
        action={setOneTimePasswordAction}
        testId="one-time-password"
        submitLabel={t("setOneTimePassword")}
        fields={[
          { name: "id", label: "", type: "hidden", defaultValue: account.id },
          { name: "password", label: t("oneTimePassword"), hint: t("passwordHint"), type: "password", autoComplete: "new-password", required: true },
        ]}
      />
    </>
  );
}
