import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { holdsPermission } from "@/lib/authz/permissions";
import { formatIsoDate } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { importReport } from "@/lib/translation";
import { languageStates, textKindNames } from "@/lib/translation/kinds";
import { queueChoices, queueFilters, translationQueue } from "@/lib/translation/queries";
import { PageHeader } from "@/components/shell/page-header";
import { FilterForm } from "@/components/admin/list-page";
import { FilterInput, FilterSelect } from "@/components/forms/filter-fields";
import { requestTranslationsAction, verifyTranslationAction } from "./actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/translation">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Translation" });
  return { title: t("title") };
}

const notices = ["requested", "verified", "nothingSelected", "failed"] as const;

/**
 * The translation queue (issue 21), the coordinator's: every text whose other language is missing, requested or
 * awaiting verification, with word counts and a total; mark requested, export XLIFF, import it back, verify.
 */
export default async function TranslationQueuePage({ params, searchParams }: PageProps<"/[locale]/translation">) {
  const { locale, user } = await guardPage(params, "translation.manage");
  const query = await searchParams;
  const filters = queueFilters(query);
  const reportId = typeof query.report === "string" ? query.report : undefined;
  const [queue, choices, report] = await Promise.all([translationQueue(user, filters), queueChoices(user), reportId ? importReport(user, reportId) : null]);
  const t = await getTranslations("Translation");
  const validation = await getTranslations("Validation");
  const forms = await getTranslations("Forms");
  const mayVerify = holdsPermission(user, "translation.verify");
  const notice = notices.find((candidate) => candidate === query.notice);
  const importError = typeof query.importError === "string" ? query.importError : undefined;
  const returnQuery = new URLSearchParams(
    Object.entries({ kind: filters.kind, state: filters.state, department: filters.departmentId, meeting: filters.meetingId, dueBy: filters.dueBy }).filter((entry): entry is [string, string] => Boolean(entry[1])),
  ).toString();
  const label = (entry: { kind: (typeof textKindNames)[number]; field: string }) => `${t(`kind.${entry.kind}`)}, ${t(`field.${entry.field}` as "field.title")}`;
  const other = (language: "en" | "fr") => (language === "en" ? "fr" : "en");
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      {notice && (
        <p role={notice === "failed" ? "alert" : "status"} className={`mb-4 border-l-4 p-3 ${notice === "failed" ? "border-health-red" : "border-health-green"} bg-gc-light`}>
          {notice === "requested" ? t("requested", { count: Number(query.count) || 0 }) : notice === "verified" ? t("verified") : notice === "nothingSelected" ? t("nothingSelected") : forms("invalid")}
        </p>
      )}
      <FilterForm label={t("filters")} submitLabel={t("apply")} columns={3}>
        <FilterSelect id="translation-kind" name="kind" label={t("kindLabel")} value={filters.kind} anyLabel={t("any")} options={textKindNames.map((kind) => ({ value: kind, label: t(`kind.${kind}`) }))} />
        <FilterSelect id="translation-state" name="state" label={t("stateLabel")} value={filters.state} anyLabel={t("stateAwaiting")} options={languageStates.filter((state) => state !== "verified").map((state) => ({ value: state, label: t(`state.${state}`) }))} />
        <FilterSelect id="translation-department" name="department" label={t("department")} value={filters.departmentId} anyLabel={t("any")} options={choices.departments.map((department) => ({ value: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))} />
        <FilterSelect id="translation-meeting" name="meeting" label={t("meeting")} value={filters.meetingId} anyLabel={t("any")} options={choices.meetings.map((meeting) => ({ value: meeting.id, label: `${meeting.sequenceNumber} — ${byLocale(locale, meeting.titleEn, meeting.titleFr)}` }))} />
        <FilterInput id="translation-due" name="dueBy" label={t("dueBy")} value={filters.dueBy} type="date" />
      </FilterForm>

      {report && (
        <section aria-labelledby="translation-report" className="mb-6 border-l-4 border-health-green bg-gc-light p-3" data-testid="import-report">
          <h2 id="translation-report">{t("reportHeading")}</h2>
          <p role="status">{t("reportApplied", { count: report.applied.length })}</p>
          {report.refused.length > 0 && (
            <>
              <p>{t("reportRefused", { count: report.refused.length })}</p>
              <ul>
                {report.refused.map((refusal, index) => (
                  <li key={`${refusal.key}-${index}`}>
                    <code>{refusal.key}</code> — {t(`refusal.${refusal.reason}`)}
                  </li>
                ))}
              </ul>
            </>
          )}
        </section>
      )}

      <p role="status" data-testid="translation-count" className="mb-2">
        {t("count", { count: queue.total, words: queue.totalWords })}
      </p>
      {queue.truncated && <p>{t("truncated", { shown: queue.entries.length })}</p>}

      {queue.entries.length > 0 && (
        <form>
          <input type="hidden" name="return" value={returnQuery} />
          <p id="translation-selection-hint">{t("selectionHint")}</p>
          <div className="mb-4 flex flex-wrap gap-4">
            <button type="submit" className="gc-button" formAction={requestTranslationsAction} aria-describedby="translation-selection-hint">
              {t("markRequested")}
            </button>
            <button type="submit" className="gc-button-secondary" formAction="/api/translation/xliff" formMethod="get" aria-describedby="translation-selection-hint" data-testid="export-xliff">
              {t("exportXliff")}
            </button>
          </div>
          <div className="overflow-x-auto">
            <table data-testid="translation-queue">
              <caption className="sr-only">{t("queueCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("select")}</th>
                  <th scope="col">{t("columns.text")}</th>
                  <th scope="col">{t("columns.languages")}</th>
                  <th scope="col">{t("columns.state")}</th>
                  <th scope="col">{t("columns.words")}</th>
                  <th scope="col">{t("columns.due")}</th>
                  <th scope="col">{t("columns.actions")}</th>
                </tr>
              </thead>
              <tbody>
                {queue.entries.map((entry, index) => (
                  <tr key={entry.key}>
                    <td>
                      <input type="checkbox" name="keys" value={entry.key} id={`translation-select-${index}`} aria-label={t("selectText", { text: `${label(entry)}: ${entry.sourceText.slice(0, 80)}` })} />
                    </td>
                    <td>
                      <span className="block text-sm">{label(entry)}</span>
                      <span lang={entry.sourceLanguage}>{entry.sourceText.length > 200 ? `${entry.sourceText.slice(0, 200)}…` : entry.sourceText}</span>
                    </td>
                    <td className="whitespace-nowrap">{t("from", { source: t(`lang.${entry.sourceLanguage}`), target: t(`lang.${other(entry.sourceLanguage)}`) })}</td>
                    <td>{t(`state.${entry.state}`)}</td>
                    <td className="text-right">{entry.words}</td>
                    <td className="whitespace-nowrap">{entry.dueAt ? formatIsoDate(new Date(entry.dueAt.toLocaleDateString("en-CA", { timeZone: "America/Toronto" }))) : "—"}</td>
                    <td>
                      <span className="flex flex-wrap gap-2">
                        <Link href={entry.href}>
                          {t("edit")}
                          <span className="sr-only"> {label(entry)}</span>
                        </Link>
                        {mayVerify && entry.otherText && (entry.state === "translated" || entry.state === "needs_review") && (
                          <button type="submit" form={`translation-verify-${index}`} className="gc-button-secondary">
                            {/* The visible words first, then which text (WCAG 2.5.3: the name contains the label). */}
                            {t("verify")}
                            <span className="sr-only"> — {`${label(entry)}: ${entry.sourceText.slice(0, 80)}`}</span>
                          </button>
                        )}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </form>
      )}
      {mayVerify &&
        queue.entries.map((entry, index) =>
          entry.otherText && (entry.state === "translated" || entry.state === "needs_review") ? (
            <form key={entry.key} id={`translation-verify-${index}`} action={verifyTranslationAction} hidden>
              <input type="hidden" name="key" value={entry.key} />
              <input type="hidden" name="return" value={returnQuery} />
            </form>
          ) : null,
        )}

      <section aria-labelledby="translation-import" className="mt-8">
        <h2 id="translation-import">{t("importHeading")}</h2>
        {importError && (
          <p role="alert" className="mb-4 border-l-4 border-health-red bg-gc-light p-3" data-testid="import-error">
            {t("importRefused")} {validation.has(importError as "required") ? validation(importError as "required") : forms("invalid")}
          </p>
        )}
        <form method="post" action={`/api/translation/import?locale=${locale}`} encType="multipart/form-data">
          <div className="mb-4">
            <label htmlFor="translation-import-file" className="block font-bold">
              {t("importFile")}
            </label>
            <p id="translation-import-hint" className="text-sm">
              {t("importHint")}
            </p>
            <input id="translation-import-file" name="file" type="file" accept=".xlf,.xliff,.xml,application/x-xliff+xml" required aria-describedby="translation-import-hint" />
          </div>
          <button type="submit" className="gc-button">
            {t("importSubmit")}
          </button>
        </form>
      </section>
    </>
  );
}
