import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { getAgendaPackage } from "@/lib/meetings/package";
import { packageLabels } from "@/lib/meetings/package-labels";
import { PageHeader } from "@/components/shell/page-header";
import { DecisionList } from "@/components/meetings/decision-list";
import { PrintButton } from "@/components/meetings/print-button";
import { DocxLinks } from "@/components/exports/docx-links";
import "@/components/meetings/package-print.css";

/** The printable agenda package in the page's language; the print stylesheet repeats the marking on every page. */
export default async function AgendaPackagePage({ params }: PageProps<"/[locale]/meetings/[id]/package">) {
  const { locale, user } = await guardPage(params, "export.read");
  const { id } = await params;
  const data = await getAgendaPackage(user, id);
  if (!data) notFound();
  const labels = await packageLabels(data, locale);
  const t = await getTranslations("Package");
  const nav = await getTranslations("Nav");
  const title = byLocale(locale, data.meeting.titleEn, data.meeting.titleFr);
  return (
    <>
      <p className="package-marking package-marking-top" data-testid="marking-top">
        {data.securityMarking}
      </p>
      <PageHeader title={labels.title} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title, href: `/meetings/${id}` }, { label: t("printTitle") }]}>
        <p>
          {labels.when}: {labels.whenValue}
          {data.meeting.location && (
            <>
              <br />
              {labels.location}: {data.meeting.location}
            </>
          )}
        </p>
      </PageHeader>
      <div className="no-print mb-6 flex flex-wrap gap-3">
        <PrintButton label={t("print")} />
        <a className="gc-button-secondary" href={`/api/meetings/${id}/pdf?locale=${locale}`}>
          {t("pdf")}
        </a>
        <DocxLinks href={`/api/meetings/${id}/docx?doc=package`} document={t("printTitle")} locale={locale} />
      </div>

      <section aria-labelledby="package-agenda">
        <h2 id="package-agenda">{labels.agenda}</h2>
        <table>
          <caption className="sr-only">{labels.agenda}</caption>
          <thead>
            <tr>
              <th scope="col">{labels.start}</th>
              <th scope="col">{labels.agenda}</th>
              <th scope="col">{labels.presenter}</th>
              <th scope="col">{t("minutes")}</th>
            </tr>
          </thead>
          <tbody>
            {data.agenda.map((item, index) => (
              <tr key={item.id}>
                <td>{item.startsAt}</td>
                <th scope="row" className="font-normal">
                  {index + 1}. {byLocale(locale, item.titleEn, item.titleFr)}
                  {item.initiative && ` (${item.initiative.code})`}
                  <span className="block text-base">{labels.kind[item.kind]}</span>
                </th>
                <td>{item.presentingDepartment ? byLocale(locale, item.presentingDepartment.acronymEn, item.presentingDepartment.acronymFr) : "—"}</td>
                <td>{item.minutes}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="package-decisions">
        <h2 id="package-decisions">{labels.previousDecisions}</h2>
        {!data.previous || data.previous.decisions.length === 0 ? (
          <p>{labels.noDecisions}</p>
        ) : (
          <DecisionList decisions={data.previous.decisions} locale={locale} testId="package-decisions" />
        )}
      </section>

      <section aria-labelledby="package-actions">
        <h2 id="package-actions">{labels.actionItems}</h2>
        {data.openActionItems.length === 0 ? (
          <p>{labels.noActionItems}</p>
        ) : (
          <table>
            <caption className="sr-only">{labels.actionItems}</caption>
            <thead>
              <tr>
                <th scope="col">{t("department")}</th>
                <th scope="col">{t("item")}</th>
                <th scope="col">{labels.due}</th>
              </tr>
            </thead>
            <tbody>
              {data.openActionItems.map((item) => (
                <tr key={item.id}>
                  <td>{byLocale(locale, item.ownerDepartment.acronymEn, item.ownerDepartment.acronymFr)}</td>
                  <th scope="row" className="font-normal">
                    {byLocale(locale, item.titleEn, item.titleFr)}
                  </th>
                  <td>
                    {item.dueDate}
                    {item.overdue && <strong> ({labels.overdue})</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="package-pillars" className="package-page-break">
        <h2 id="package-pillars">{labels.pillarSnapshot}</h2>
        <table>
          <caption className="sr-only">{labels.pillarSnapshot}</caption>
          <thead>
            <tr>
              <th scope="col">{t("pillar")}</th>
              <th scope="col">{labels.health.green}</th>
              <th scope="col">{labels.health.amber}</th>
              <th scope="col">{labels.health.red}</th>
              <th scope="col">{labels.health.none}</th>
              <th scope="col">{labels.health.total}</th>
            </tr>
          </thead>
          <tbody>
            {data.pillarSnapshot.map((pillar) => (
              <tr key={pillar.id}>
                <th scope="row">{byLocale(locale, pillar.nameEn, pillar.nameFr)}</th>
                <td>{pillar.green}</td>
                <td>{pillar.amber}</td>
                <td>{pillar.red}</td>
                <td>{pillar.none}</td>
                <td>{pillar.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <p className="package-marking package-marking-bottom" data-testid="marking-bottom">
        {data.securityMarking}
      </p>
    </>
  );
}
