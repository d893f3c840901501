import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Nav" });
  return { title: t("administration") };
}

const sections = [
  { key: "users", href: "/admin/users" },
  { key: "departments", href: "/admin/departments" },
  { key: "pillars", href: "/admin/pillars" },
  { key: "settings", href: "/admin/settings" },
  { key: "audit", href: "/admin/audit" },
  { key: "outbox", href: "/admin/outbox" },
  { key: "problemReports", href: "/admin/problem-reports" },
] as const;

export default async function AdminPage({ params }: PageProps<"/[locale]/admin">) {
  await guardPage(params, "admin.manage");
  const nav = await getTranslations("Nav");
  const t = await getTranslations("Admin");
  return (
    <>
      <PageHeader title={nav("administration")} trail={[{ label: nav("administration") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <ul className="grid gap-4 sm:grid-cols-2">
        {sections.map((section) => (
          <li key={section.key} className="border border-gc-border p-4">
            <Link href={section.href} className="font-heading text-lg font-bold">
              {t(`${section.key}.title`)}
            </Link>
            <p className="mt-1 text-base">{t(`${section.key}.summary`)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
