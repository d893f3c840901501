import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { decisionRegisterChoices, listDecisionRegister, parseDecisionFilters } from "@/lib/decisions/queries";
import { fiscalYearLabel, formatIsoDate } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { FilterForm } from "@/components/admin/list-page";
import { FilterInput, FilterSelect } from "@/components/forms/filter-fields";
import { DocxLinks } from "@/components/exports/docx-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/decisions">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Decisions" });
  return { title: t("title") };
}

/** The decision register: every decision of every meeting, filterable and searchable, with CSV, Excel and Word. */
export default async function DecisionRegisterPage({ params, searchParams }: PageProps<"/[locale]/decisions">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const query = await searchParams;
  const filters = parseDecisionFilters(query);
  const [{ rows, more }, choices] = await Promise.all([listDecisionRegister(user, filters), decisionRegisterChoices(user)]);
  const t = await getTranslations("Decisions");
  const exportsT = await getTranslations("Exports");
  const active = Object.fromEntries(
    Object.entries({ q: filters.q, fy: filters.fy ? String(filters.fy) : undefined, meeting: filters.meeting, pillar: filters.pillar, initiative: filters.initiative }).filter(([, value]) => value),
  ) as Record<string, string>;
  const exportQuery = new URLSearchParams({ ...active, locale }).toString();
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <FilterForm label={t("filters")} submitLabel={t("apply")} columns={3}>
        <FilterInput id="decisions-q" name="q" label={t("search")} value={filters.q} type="search" />
        <FilterSelect id="decisions-fy" name="fy" label={t("columns.fiscalYear")} value={filters.fy ? String(filters.fy) : undefined} anyLabel={t("any")} options={choices.fiscalYears.map((year) => ({ value: String(year), label: fiscalYearLabel(year, locale) }))} />
        <FilterSelect
          id="decisions-meeting"
          name="meeting"
          label={t("columns.meeting")}
          value={filters.meeting}
          anyLabel={t("any")}
          options={choices.meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.sequenceNumber} — ${byLocale(locale, meeting.titleEn, meeting.titleFr)}` }))}
        />
        <FilterSelect id="decisions-pillar" name="pillar" label={t("pillar")} value={filters.pillar} anyLabel={t("any")} options={choices.pillars.map((pillar) => ({ value: pillar.code, label: byLocale(locale, pillar.nameEn, pillar.nameFr) }))} />
        <FilterInput id="decisions-initiative" name="initiative" label={t("initiativeCode")} value={filters.initiative} type="search" />
      </FilterForm>
      <div className="mb-2 flex flex-wrap items-center justify-between gap-4">
        <p role="status" data-testid="decision-count">
          {more ? t("countMore", { count: rows.length }) : t("count", { count: rows.length })}
        </p>
        <span className="flex flex-wrap gap-4">
          <a href={`/api/decisions/export?${exportQuery}`} download>
            {t("csv")}
          </a>
          <a href={`/api/decisions/export/xlsx?${exportQuery}`} download aria-label={exportsT("xlsxLabel", { table: t("title") })}>
            {exportsT("xlsx")}
          </a>
          <DocxLinks href={`/api/decisions/export/docx?${exportQuery}`} document={t("title")} locale={locale} />
        </span>
      </div>
      {rows.length > 0 && (
        <div className="overflow-x-auto">
          <table data-testid="decision-register">
            <caption className="sr-only">{t("title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("columns.number")}</th>
                <th scope="col">{t("columns.decision")}</th>
                <th scope="col">{t("columns.meeting")}</th>
                <th scope="col">{t("columns.agendaItem")}</th>
                <th scope="col">{t("columns.initiatives")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.id} id={`decision-${row.number}`}>
                  <th scope="row" className="whitespace-nowrap">{row.number}</th>
                  <td lang={locale === "fr" ? "fr" : "en"}>{locale === "fr" ? row.textFr : row.textEn}</td>
                  <td>
                    <Link href={`/meetings/${row.meetingId}`}>
                      {row.meetingNumber} — {byLocale(locale, row.meetingTitleEn, row.meetingTitleFr)}
                    </Link>
                    <span className="block text-sm">{formatIsoDate(new Date(row.meetingStartsAt.toLocaleDateString("en-CA", { timeZone: "America/Toronto" })))}</span>
                  </td>
                  <td>{row.agendaPosition === null ? "—" : `${row.agendaPosition}. ${byLocale(locale, row.agendaTitleEn ?? "", row.agendaTitleFr ?? "")}`}</td>
                  <td>
                    {row.initiatives.length === 0
                      ? "—"
                      : row.initiatives.map((initiative, index) => (
                          <span key={initiative.id}>
                            {index > 0 && ", "}
                            <Link href={`/initiatives/${initiative.id}`}>{initiative.code}</Link>
                          </span>
                        ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
