import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { getMyAccount } from "@/lib/users/queries";
import { CommandForm } from "@/components/forms/command-form";
import { PageHeader } from "@/components/shell/page-header";
import { StatusNotice } from "@/components/ui/status-notice";
import { MfaSection } from "@/components/auth/mfa-section";
import { mfaRequiredRoles } from "@/lib/auth/mfa-policy";
import { changePasswordAction, updatePreferencesAction } from "./actions";
import { confirmMfaEnrolmentAction, startMfaEnrolmentAction } from "./mfa-actions";
import { createCalendarFeedAction, revokeCalendarFeedAction } from "./calendar-actions";
import { CalendarFeedSection } from "@/components/calendar/calendar-feed-section";

export async function generateMetadata({ params }: PageProps<"/[locale]/profile">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Profile" });
  return { title: t("title") };
}

export default async function ProfilePage({ params, searchParams }: PageProps<"/[locale]/profile">) {
  const { locale, user } = await guardPage(params, "profile.update");
  const query = await searchParams;
  const t = await getTranslations("Profile");
  const roles = await getTranslations("Roles");
  const account = await getMyAccount(user);
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]} />
      {account.mustChangePassword && (
        <p role="alert" className="mb-6 border-l-4 border-gc-danger bg-gc-light p-4 font-semibold">
          {t("mustChange")}
        </p>
      )}
      {query.saved === "language" && <StatusNotice>{t("languageSaved")}</StatusNotice>}
      <dl className="grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">{t("name")}</dt>
        <dd>{account.displayName}</dd>
        <dt className="font-semibold">{t("email")}</dt>
        <dd>{account.email}</dd>
        <dt className="font-semibold">{t("role")}</dt>
        <dd>{roles(account.role)}</dd>
      </dl>

      <h2>{t("languageHeading")}</h2>
      <CommandForm
        action={updatePreferencesAction}
        testId="language-form"
        submitLabel={t("saveLanguage")}
        fields={[
          {
            name: "preferredLanguage",
            label: t("languageLabel"),
            hint: t("languageHint"),
            type: "select",
            defaultValue: account.preferredLanguage,
            options: [
              { value: "en", label: "English" },
              { value: "fr", label: "Français" },
            ],
          },
        ]}
      />

      <h2>{t("passwordHeading")}</h2>
      {account.hasPassword ? (
        <CommandForm
          action={changePasswordAction}
          testId="password-form"
          submitLabel={t("changePassword")}
          resetOnSuccess
          fields={[
            { name: "currentPassword", label: t("currentPassword"), type: "password", autoComplete: "current-password", required: true },
            { name: "newPassword", label: t("newPassword"), hint: t("newPasswordHint"), type: "password", autoComplete: "new-password", required: true },
          ]}
        />
      ) : (
        <p>{t("ssoOnly")}</p>
      )}

      {account.hasPassword && <MfaSection user={user} locale={locale} required={Boolean(user.mfaEnrolmentRequired) || (mfaRequiredRoles as readonly string[]).includes(user.role)} actions={{ start: startMfaEnrolmentAction, confirm: confirmMfaEnrolmentAction }} />}

      <CalendarFeedSection user={user} locale={locale} actions={{ create: createCalendarFeedAction, revoke: revokeCalendarFeedAction }} />

      <h2>{t("noticesHeading")}</h2>
      <p>
        <Link href="/profile/notices">{t("noticesLink")}</Link>
      </p>
    </>
  );
}
