import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePage } from "@/components/identity/notice-page";
import { PortalFrame } from "@/components/shell/portal-frame";
import { isLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/accessibility">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Legal.accessibility" });
  return { title: t("title") };
}

/** The accessibility statement, with the ways to give feedback. Open to everyone, signed in or not (proxy.ts lists it among the public pages). */
export default async function AccessibilityPage({ params }: PageProps<"/[locale]/accessibility">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <PortalFrame>
      <NoticePage notice="accessibility" sections={[
          { key: "standard", paragraphs: 2 },
          { key: "features", paragraphs: 1, items: 5 },
          { key: "limits", paragraphs: 1, items: 2 },
          { key: "feedback", paragraphs: 3 },
        ]} />
    </PortalFrame>
  );
}
