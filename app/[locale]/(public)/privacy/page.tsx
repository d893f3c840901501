import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePage } from "@/components/identity/notice-page";
import { PortalFrame } from "@/components/shell/portal-frame";
import { isLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/privacy">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Legal.privacy" });
  return { title: t("title") };
}

/** The privacy notice: what personal information the portal holds, why, for how long, and the Privacy Act statement. Open to everyone, signed in or not (proxy.ts lists it among the public pages). */
export default async function PrivacyPage({ params }: PageProps<"/[locale]/privacy">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <PortalFrame>
      <NoticePage notice="privacy" sections={[
          { key: "collected", paragraphs: 1, items: 6 },
          { key: "purpose", paragraphs: 1, items: 4 },
          { key: "authority", paragraphs: 2 },
          { key: "sharing", paragraphs: 2 },
          { key: "retention", paragraphs: 3 },
          { key: "rights", paragraphs: 3 },
          { key: "statement", paragraphs: 1 },
        ]} />
    </PortalFrame>
  );
}
