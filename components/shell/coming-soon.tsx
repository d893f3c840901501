import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import type { Permission } from "@/lib/authz/permissions";
import { PageHeader } from "./page-header";

type ComingSection = "dashboard" | "initiatives" | "funding" | "actionItems" | "meetings" | "updateCalls" | "administration" | "profile";

/** A section that a later release builds: says so plainly, in the page's language, with no fake data. */
export async function ComingSoon({ params, section, permission }: { params: Promise<{ locale: string }>; section: ComingSection; permission: Permission }) {
  await guardPage(params, permission);
  const nav = await getTranslations("Nav");
  const t = await getTranslations("ComingSoon");
  return (
    <>
      <PageHeader title={nav(section)} trail={[{ label: nav(section) }]} />
      <p className="text-xl text-gc-secondary">{t(section)}</p>
      <section aria-labelledby="coming-soon" className="mt-6 border-l-4 border-gc-focus bg-gc-light p-4">
        <h2 id="coming-soon" className="mt-0">
          {t("notice")}
        </h2>
        <p>{t("body")}</p>
      </section>
    </>
  );
}
