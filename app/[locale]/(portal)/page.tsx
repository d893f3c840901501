import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { Link, redirect } from "@/lib/i18n/navigation";
import { sectionsFor } from "@/lib/navigation/sections";
import { CoordinatorHome } from "@/components/dashboard/home/coordinator-home";
import { RepresentativeHome } from "@/components/dashboard/home/representative-home";
import { RequestedPapers } from "@/components/documents/requested-papers";
import { paperRequestsForDepartment } from "@/lib/documents/queries";
import { can } from "@/lib/authz/permissions";
import { MyProposals } from "@/components/agenda-proposals/my-proposals";
import { listMyProposals, listProposableMeetings } from "@/lib/agenda-proposals/queries";

/**
 * Home, by role (DESIGN.md §4): an executive lands on the dashboard; a representative sees one list of what their
 * department must update (what open calls for updates ask for, then what is off track, at risk or stale) and its
 * open action items; the coordinator sees the next meeting, open calls for updates and action
 * items. Everyone keeps the list of sections below.
 */
export default async function HomePage({ params }: PageProps<"/[locale]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  if (user.role === "EXECUTIVE") redirect({ href: "/dashboard", locale });

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
      {user.role === "DEPARTMENT_REP" && <RequestedPapers requests={await paperRequestsForDepartment(user)} locale={locale} />}
      {user.role === "DEPARTMENT_REP" && can(user, "agenda.propose") && <MyProposals proposals={await listMyProposals(user)} meetings={await listProposableMeetings(user)} locale={locale} />}
      {user.role === "DEPARTMENT_REP" && <RepresentativeHome departmentId={user.departmentId} locale={locale} />}
      {user.role === "COORDINATOR" && <CoordinatorHome locale={locale} />}
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
