import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { DEPARTMENT_PAGE_SIZE, getDepartmentByAcronym } from "@/lib/departments/queries";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { Link } from "@/lib/i18n/navigation";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { LocalizedText } from "@/components/ui/localized-text";
import { PageHeader } from "@/components/shell/page-header";
import { DepartmentInitiatives } from "@/components/departments/department-initiatives";
import { DepartmentIndicators } from "@/components/results/linked-indicators";
import { SectionPages } from "@/components/departments/section-pages";

const lists = ["led", "partner", "actions"] as const;

/** The page of each list asked for in the address (?led=2&partner=1&actions=3); 1 when absent or not a page number. */
function requestedPages(query: Record<string, string | string[] | undefined>) {
  const page = (value: string | string[] | undefined) => (typeof value === "string" && /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1);
  return { led: page(query.led), partner: page(query.partner), actions: page(query.actions) };
}

const pageCount = (total: number) => Math.max(1, Math.ceil(total / DEPARTMENT_PAGE_SIZE));

export async function generateMetadata({ params }: PageProps<"/[locale]/departments/[acronym]">): Promise<Metadata> {
  const { acronym } = await params;
  return { title: decodeURIComponent(acronym).slice(0, 32) };
}

export default async function DepartmentPage({ params, searchParams }: PageProps<"/[locale]/departments/[acronym]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { acronym } = await params;
  const pages = requestedPages(await searchParams);
  // One statement; each list is one page (DEPARTMENT_PAGE_SIZE rows) with its total (or "more than", counted so far
  // past the page): the statement's work and the page stay the same size however much the department holds.
  const department = await getDepartmentByAcronym(user, decodeURIComponent(acronym), pages);
  if (!department) notFound();
  const t = await getTranslations("Departments");
  const nav = await getTranslations("Nav");
  const name = byLocale(locale, department.nameEn, department.nameFr);
  const { actionItems, totals, more, fundingTotals } = department;
  const funding = await getTranslations("Funding");
  const pathname = `/departments/${encodeURIComponent(department.acronymEn)}`;
  // The links of one list keep the pages the other lists are at.
  const query = Object.fromEntries(lists.filter((list) => pages[list] > 1).map((list) => [list, String(pages[list])]));
  const pager = (list: (typeof lists)[number], section: string, label: string) => (
    <>
      <p className="mt-2 text-base text-gc-secondary" data-testid={`${list}-count`}>
        {t(more[list] ? "shownOfMore" : "shownOf", { from: Math.min(totals[list], (pages[list] - 1) * DEPARTMENT_PAGE_SIZE + 1), to: Math.min(totals[list], pages[list] * DEPARTMENT_PAGE_SIZE), total: totals[list] })}
      </p>
      <SectionPages
        pathname={pathname}
        label={t("pagesOf", { list: label })}
        param={list}
        page={pages[list]}
        pages={pageCount(totals[list])}
        query={query}
        section={section}
        pageLabel={(page) => t("pageNumber", { page, list: label })}
        more={more[list]}
        moreLabel={t("morePages")}
      />
    </>
  );
  const acronymHere = byLocale(locale, department.acronymEn, department.acronymFr);
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
        <DepartmentInitiatives rows={department.ledInitiatives} total={totals.led} caption={t("ledInitiatives")} empty={t("noLedInitiatives")} showLead={false} />
        {totals.led > 0 && pager("led", "led", t("ledInitiatives"))}
      </section>

      <section aria-labelledby="partner">
        <h2 id="partner">{t("partnerInitiatives")}</h2>
        <DepartmentInitiatives
          rows={department.partnerInitiatives}
          total={totals.partner}
          caption={t("partnerInitiatives")}
          empty={t("noPartnerInitiatives")}
          showLead
        />
        {totals.partner > 0 && pager("partner", "partner", t("partnerInitiatives"))}
        {(totals.led > DEPARTMENT_PAGE_SIZE || totals.partner > DEPARTMENT_PAGE_SIZE) && (
          <p>
            <Link href={{ pathname: "/initiatives", query: { department: department.id } }}>{t("allInList", { acronym: acronymHere })}</Link>
          </p>
        )}
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
        {totals.actions === 0 ? (
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
                    {item.initiative && !item.initiative.archived ? (
                      <Link href={`/initiatives/${item.initiative.id}`}>
                        <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
                      </Link>
                    ) : (
                      <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
                    )}
                  </td>
                  <td className="whitespace-nowrap">{item.dueDate}</td>
                  <td>{funding(`actionStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {totals.actions > 0 && pager("actions", "department-action-items", funding("actionItemsHeading"))}
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
      <DepartmentIndicators user={user} departmentId={department.id} locale={locale} acronym={department.acronymEn} />
    </>
  );
}
