import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/about">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "About" });
  return { title: t("title") };
}

/**
 * About the working group and the portal. Deliberately reads nothing beyond the session:
 * the benchmark uses it as its reference page (same layout, session check and policy).
 */
export default async function AboutPage({ params }: PageProps<"/[locale]/about">) {
  await guardPage(params, "portal.read");
  const t = await getTranslations("About");
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]} />
      <div className="max-w-3xl space-y-4">
        <p>{t("group")}</p>
        <p>{t("pillars")}</p>
        <p>{t("portal")}</p>
        <p>{t("help")}</p>
      </div>
    </>
  );
}
