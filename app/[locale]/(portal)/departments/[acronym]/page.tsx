import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { getDepartmentActionItems, getDepartmentByAcronym, getDepartmentFundingTotals } from "@/lib/departments/queries";
import { fiscalYearLabel, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import { Link } from "@/lib/i18n/navigation";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { LocalizedText } from "@/components/ui/localized-text";
import { PageHeader } from "@/components/shell/page-header";
import { DepartmentInitiatives } from "@/components/departments/department-initiatives";

export async function generateMetadata({ params }: PageProps<"/[locale]/departments/[acronym]">): Promise<Metadata> {
  const { acronym } = await params;
  return { title: decodeURIComponent(acronym).slice(0, 32) };
}

export default async function DepartmentPage({ params }: PageProps<"/[locale]/departments/[acronym]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { acronym } = await params;
  const department = await getDepartmentByAcronym(user, decodeURIComponent(acronym));
  if (!department) notFound();
  const t = await getTranslations("Departments");
  const nav = await getTranslations("Nav");
  const name = byLocale(locale, department.nameEn, department.nameFr);
  const [fundingTotals, actionItems] = await Promise.all([getDepartmentFundingTotals(user, department.id), getDepartmentActionItems(user, department.id)]);
  const funding = await getTranslations("Funding");
  return (
    <>
      <PageHeader title={name} trail={[{ label: nav("departments"), href: "/departments" }, { label: byLocale(locale, department.acronymEn, department.acronymFr) }]}>
        {department.isChair && <p className="font-semibold">{t("chair")}</p>}
      </PageHeader>

      <section aria-labelledby="names">
        <h2 id="names">{t("namesHeading")}</h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("nameEnglish")}</dt>
          <dd lang="en">{department.nameEn}</dd>
          <dt className="font-semibold">{t("nameFrench")}</dt>
          <dd lang="fr">{department.nameFr}</dd>
          <dt className="font-semibold">{t("acronymEnglish")}</dt>
          <dd lang="en">{department.acronymEn}</dd>
          <dt className="font-semibold">{t("acronymFrench")}</dt>
          <dd lang="fr">{department.acronymFr}</dd>
        </dl>
      </section>

      <section aria-labelledby="led">
        <h2 id="led">{t("ledInitiatives")}</h2>
        <DepartmentInitiatives rows={department.ledInitiatives} caption={t("ledInitiatives")} empty={t("noLedInitiatives")} showLead={false} />
      </section>

      <section aria-labelledby="partner">
        <h2 id="partner">{t("partnerInitiatives")}</h2>
        <DepartmentInitiatives
          rows={department.partnerships.map((partnership) => partnership.initiative)}
          caption={t("partnerInitiatives")}
          empty={t("noPartnerInitiatives")}
          showLead
        />
      </section>

      <section aria-labelledby="department-funding">
        <h2 id="department-funding">{funding("departmentHeading")}</h2>
        {fundingTotals.length === 0 ? (
          <p>{funding("noFunding")}</p>
        ) : (
          <table data-testid="department-funding">
            <caption className="sr-only">{funding("departmentCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{funding("fiscalYear")}</th>
                <th scope="col" className="text-right">{funding("allocated")}</th>
                <th scope="col" className="text-right">{funding("spent")}</th>
              </tr>
            </thead>
            <tbody>
              {fundingTotals.map((total) => (
                <tr key={total.fiscalYear}>
                  <th scope="row">{fiscalYearLabel(total.fiscalYear, locale)}</th>
                  <td className="text-right whitespace-nowrap">{formatMoney(total.allocatedCents, locale)}</td>
                  <td className="text-right whitespace-nowrap">{formatMoney(total.spentCents, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="department-action-items">
        <h2 id="department-action-items">{funding("actionItemsHeading")}</h2>
        {actionItems.length === 0 ? (
          <p>{funding("noActionItems")}</p>
        ) : (
          <table>
            <caption className="sr-only">{funding("actionItemsHeading")}</caption>
            <thead>
              <tr>
                <th scope="col">{funding("actionItem")}</th>
                <th scope="col">{funding("due")}</th>
                <th scope="col">{funding("status")}</th>
              </tr>
            </thead>
            <tbody>
              {actionItems.map((item) => (
                <tr key={item.id}>
                  <td>
                    {/* The title links to the initiative it concerns, if any (its code already shows above). */}
                    {item.initiative && !item.initiative.archivedAt ? (
                      <Link href={`/initiatives/${item.initiative.id}`}>
                        <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
                      </Link>
                    ) : (
                      <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
                    )}
                  </td>
                  <td className="whitespace-nowrap">{formatIsoDate(item.dueDate)}</td>
                  <td>{funding(`actionStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="reps">
        <h2 id="reps">{t("representatives")}</h2>
        {department.users.length === 0 ? (
          <p>{t("noRepresentatives")}</p>
        ) : (
          <ul className="list-disc pl-6">
            {department.users.map((rep) => (
              <li key={rep.id}>
                {rep.displayName} — <a href={`mailto:${rep.email}`}>{rep.email}</a>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
