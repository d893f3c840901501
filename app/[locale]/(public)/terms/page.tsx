import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { NoticePage } from "@/components/identity/notice-page";
import { PortalFrame } from "@/components/shell/portal-frame";
import { isLocale } from "@/lib/i18n/routing";

export async function generateMetadata({ params }: PageProps<"/[locale]/terms">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Legal.terms" });
  return { title: t("title") };
}

/** The terms of use. Open to everyone, signed in or not (proxy.ts lists it among the public pages). */
export default async function TermsPage({ params }: PageProps<"/[locale]/terms">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <PortalFrame>
      <NoticePage notice="terms" sections={[
          { key: "authorized", paragraphs: 2 },
          { key: "information", paragraphs: 2 },
          { key: "monitoring", paragraphs: 1 },
          { key: "languages", paragraphs: 1 },
          { key: "ownership", paragraphs: 1 },
        ]} />
    </PortalFrame>
  );
}
