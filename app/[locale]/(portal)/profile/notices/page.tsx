import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { NoticePreferencesForm } from "@/components/notifications/notice-preferences-form";
import { PageHeader } from "@/components/shell/page-header";
import { guardPage } from "@/lib/auth/page-guard";
import { getNoticePreferences, getNotificationPreferences } from "@/lib/notifications/queries";
import { updateNoticesAction, updateNotificationPreferencesAction } from "./actions";
import { InPortalPreferencesForm } from "@/components/notifications/in-portal-preferences-form";

export async function generateMetadata({ params }: PageProps<"/[locale]/profile/notices">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "NoticePreferences" });
  return { title: t("title") };
}

/** Every signed-in user's own e-mail notices; the link in every notice's footer comes here. */
export default async function NoticePreferencesPage({ params }: PageProps<"/[locale]/profile/notices">) {
  const { user } = await guardPage(params, "portal.read");
  const t = await getTranslations("NoticePreferences");
  const nav = await getTranslations("Nav");
  const [preferences, inPortal] = await Promise.all([getNoticePreferences(user), getNotificationPreferences(user)]);
  const centre = await getTranslations("NotificationCentre");
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: nav("profile"), href: "/profile" }, { label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <NoticePreferencesForm action={updateNoticesAction} initial={preferences} />
      <section aria-labelledby="in-portal-heading" className="mt-8">
        <h2 id="in-portal-heading">{centre("preferencesTitle")}</h2>
        <p>{centre("preferencesIntro")}</p>
        <InPortalPreferencesForm action={updateNotificationPreferencesAction} initial={inPortal} />
      </section>
    </>
  );
}
