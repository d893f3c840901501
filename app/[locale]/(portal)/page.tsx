import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { sectionsFor } from "@/lib/navigation/sections";
import { OwedUpdates } from "@/components/update-calls/owed-updates";

export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const t = await getTranslations("Home");
  const nav = await getTranslations("Nav");
  const roles = await getTranslations("Roles");
  const comingSoon = await getTranslations("ComingSoon");
  return (
    <>
      <h1>{t("title", { name: user.displayName })}</h1>
      <p className="max-w-3xl text-xl">{t("intro")}</p>
      <p>
        {t("yourRole", { role: roles(user.role) })}{" "}
        {user.departmentAcronym && t("yourDepartment", { department: byLocale(locale, user.departmentAcronym.en, user.departmentAcronym.fr) })}
      </p>
      <OwedUpdates user={user} locale={locale} />
      <h2>{t("startHere")}</h2>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {sectionsFor(user).map((section) => (
          <li key={section.key} className="border border-gc-border p-4">
            <Link href={section.href} className="font-heading text-lg font-bold">
              {nav(section.key)}
            </Link>
            <p className="mt-1 text-base">{section.key === "departments" ? t("departmentsLink") : comingSoon(section.key)}</p>
          </li>
        ))}
      </ul>
    </>
  );
}
