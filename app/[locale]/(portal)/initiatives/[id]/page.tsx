import type { Metadata } from "next";
import { InitiativeIndicators } from "@/components/results/linked-indicators";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { fiscalYearLabel, formatDateTime, formatIsoDate, formatMoney } from "@/lib/format/numbers";
import { reportingPeriodLabel } from "@/lib/initiatives/labels";
import { getInitiative, getInitiativeHistory, getReferenceData } from "@/lib/initiatives/queries";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { ChangeHistory } from "@/components/initiatives/change-history";
import { ReviewForm } from "@/components/initiatives/review-form";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText } from "@/components/ui/localized-text";
import { needingReview } from "@/lib/translation/queries";
import { reviewStatusUpdateAction } from "../actions";
import { editCommentAction, followAction, hideCommentAction, postCommentAction } from "../../discussion/actions";
import { Discussion } from "@/components/discussion/discussion";
import { FollowButton } from "@/components/discussion/follow-button";
import { getInitiativeThreads, threadOf, type Threads } from "@/lib/discussion/queries";
import { isFollowing } from "@/lib/notifications/queries";
import { isUuid } from "@/lib/security/ids";
import { DocumentsSection } from "@/components/documents/documents-section";
import { listDocuments } from "@/lib/documents/queries";
import { withdrawDocumentAction } from "../../documents/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/initiatives/[id]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("title") };
}

export default async function InitiativePage({ params }: PageProps<"/[locale]/initiatives/[id]">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const { id } = await params;
  // All three at once (an unknown id costs two wasted reads, a known one two round trips fewer).
  const noThreads: Threads = { threads: new Map(), initiativeIds: {} };
  const [initiative, history, reference, threads, following] = await Promise.all([
    getInitiative(user, id),
    getInitiativeHistory(user, id),
    getReferenceData(),
    // The discussions of the initiative and of its status updates: one statement, alongside the others.
    isUuid(id) ? getInitiativeThreads(user, id) : noThreads,
    isUuid(id) ? isFollowing(user, { initiativeId: id }) : false,
  ]);
  if (!initiative) notFound();
  const review = await needingReview(user, "initiative", [initiative.id]);
  const staleDays = reference.staleDays;
  const t = await getTranslations("Initiatives");
  const lifecycle = await getTranslations("Lifecycle");
  const funding = await getTranslations("Funding");
  const discussion = await getTranslations("Discussion");
  const discussionActions = { post: postCommentAction, edit: editCommentAction, hide: hideCommentAction };
  const title = pickLocalized(locale, initiative.titleEn, initiative.titleFr);
  const mayEdit = can(user, "initiative.update", { departmentId: initiative.leadDepartment.id });
  const mayReview = can(user, "meeting.manage");
  const names = new Map<string, string>([
    ...reference.departments.map((d) => [d.id, byLocale(locale, d.acronymEn, d.acronymFr)] as [string, string]),
    ...reference.pillars.map((p) => [p.id, byLocale(locale, p.nameEn, p.nameFr)] as [string, string]),
  ]);
  const date = (value: Date | null) => (value ? formatIsoDate(value) : "—");

  const timeline = (
    <ol className="space-y-4" data-testid="timeline">
      {initiative.statusUpdates.map((update) => (
        <li key={update.id} id={`update-${update.id}`} className="border-l-4 border-gc-border pl-4">
          <h3 className="mt-0 flex flex-wrap items-center gap-3 text-xl">
            {reportingPeriodLabel(update.reportingPeriod, locale)} <HealthBadge health={update.health} locale={locale} /> <span>{t("progressValue", { value: update.progress })}</span>
          </h3>
          <LocalizedText value={pickLocalized(locale, update.narrativeEn, update.narrativeFr)} as="p" />
          <p className="text-sm">{t("postedBy", { name: update.author?.displayName ?? t("system"), when: formatDateTime(update.createdAt, locale) })}</p>
          <p className="text-sm">
            <a href={`#discussion-of-${update.id}`}>{discussion("summary", { count: threadOf(threads, "statusUpdate", update.id).count })}</a>
          </p>
          {update.reviewedAt ? (
            <p className="text-sm">{t("reviewedBy", { name: update.reviewedBy?.displayName ?? t("system"), when: formatDateTime(update.reviewedAt, locale) })}</p>
          ) : (
            <>
              <p className="text-sm">{t("notReviewed")}</p>
              {/* Submits the timeline's one form (ReviewForm) with this update's id. */}
              {mayReview && (
                <button type="submit" name="statusUpdateId" value={update.id} className="gc-button-secondary">
                  {t("markReviewed")}
                </button>
              )}
            </>
          )}
        </li>
      ))}
    </ol>
  );

  return (
    <>
      <PageHeader title={`${initiative.code} — ${title?.text ?? ""}`} trail={[{ label: t("title"), href: "/initiatives" }, { label: initiative.code }]}>
        {title?.fallback && <LocalizedText value={title} as="p" />}
        <div className="flex flex-wrap items-center gap-4" data-testid="initiative-status">
          <HealthBadge health={initiative.health} locale={locale} />
          <span data-testid="initiative-progress">
            {t("progress")} : {t("progressValue", { value: initiative.progress })}
          </span>
          <progress max={100} value={initiative.progress} aria-label={t("progress")} />
          <span>{lifecycle(initiative.status)}</span>
          {initiative.stale && <strong>{t("needsUpdate")} — {t("needsUpdateExplained", { days: staleDays })}</strong>}
        </div>
        {mayEdit && (
          <p className="mt-4 flex flex-wrap gap-4">
            <Link href={`/initiatives/${id}/update`} className="gc-button">
              {t("postUpdate")}
            </Link>
            <Link href={`/initiatives/${id}/edit`} className="gc-button-secondary">
              {t("edit")}
            </Link>
          </p>
        )}
        <FollowButton action={followAction} subjectType="initiative" subjectId={initiative.id} following={following} labels={{ follow: discussion("follow"), unfollow: discussion("unfollow") }} />
      </PageHeader>

      <section aria-labelledby="summary">
        <h2 id="summary">{t("summary")}</h2>
        {pickLocalized(locale, initiative.summaryEn, initiative.summaryFr) ? <LocalizedText value={pickLocalized(locale, initiative.summaryEn, initiative.summaryFr)} as="p" needsReview={review.has(`initiative:${initiative.id}:summary`)} /> : <p>{t("noSummary")}</p>}
      </section>

      <section aria-labelledby="details">
        <h2 id="details">{t("details")}</h2>
        <dl className="grid gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-semibold">{t("leadDepartment")}</dt>
          <dd>
            <Link href={`/departments/${byLocale(locale, initiative.leadDepartment.acronymEn, initiative.leadDepartment.acronymFr)}`}>{byLocale(locale, initiative.leadDepartment.nameEn, initiative.leadDepartment.nameFr)}</Link>
          </dd>
          <dt className="font-semibold">{t("partners")}</dt>
          <dd>{initiative.partners.length ? initiative.partners.map((p) => byLocale(locale, p.department.acronymEn, p.department.acronymFr)).join(", ") : t("none")}</dd>
          <dt className="font-semibold">{t("primaryPillar")}</dt>
          <dd>{byLocale(locale, initiative.primaryPillar.nameEn, initiative.primaryPillar.nameFr)}</dd>
          <dt className="font-semibold">{t("secondaryPillars")}</dt>
          <dd>{initiative.secondaryPillars.length ? initiative.secondaryPillars.map((p) => byLocale(locale, p.pillar.nameEn, p.pillar.nameFr)).join(", ") : t("none")}</dd>
          <dt className="font-semibold">{t("startDate")}</dt>
          <dd>{date(initiative.startDate)}</dd>
          <dt className="font-semibold">{t("targetEndDate")}</dt>
          <dd>{date(initiative.targetEndDate)}</dd>
          <dt className="font-semibold">{t("lastUpdate")}</dt>
          <dd>{initiative.lastUpdatedAt ? formatIsoDate(initiative.lastUpdatedAt) : t("never")}</dd>
          {initiative.notes && (
            <>
              <dt className="font-semibold">{t("notes")}</dt>
              <dd>{initiative.notes}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-labelledby="milestones">
        <h2 id="milestones">{t("milestones")}</h2>
        {initiative.milestones.length === 0 ? (
          <p>{t("noMilestones")}</p>
        ) : (
          <table>
            <caption className="sr-only">{t("milestones")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("milestone")}</th>
                <th scope="col">{t("dueDate")}</th>
                <th scope="col">{t("completedDate")}</th>
              </tr>
            </thead>
            <tbody>
              {initiative.milestones.map((m) => (
                <tr key={m.id}>
                  <td>
                    <LocalizedText value={pickLocalized(locale, m.titleEn, m.titleFr)} />
                  </td>
                  <td>{date(m.dueDate)}</td>
                  <td>{m.completedDate ? formatIsoDate(m.completedDate) : t("notCompleted")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="funding">
        <h2 id="funding">{t("funding")}</h2>
        {initiative.fundingLines.length === 0 ? (
          <p>{t("noFunding")}</p>
        ) : (
          <>
            <div className="overflow-x-auto">
              <table data-testid="funding-lines">
                <caption className="sr-only">{t("funding")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("fiscalYear")}</th>
                    <th scope="col">{t("source")}</th>
                    <th scope="col" className="text-right">{t("allocated")}</th>
                    <th scope="col" className="text-right">{t("spent")}</th>
                  </tr>
                </thead>
                <tbody>
                  {initiative.fundingLines.map((line) => (
                    <tr key={line.id}>
                      <td className="whitespace-nowrap">{fiscalYearLabel(line.fiscalYear, locale)}</td>
                      <td>{line.source}</td>
                      <td className="text-right whitespace-nowrap">{formatMoney(line.allocatedCents, locale)}</td>
                      <td className="text-right whitespace-nowrap">
                        {formatMoney(line.spentCents, locale)}
                        {line.spentCents > line.allocatedCents && <span className="block text-sm font-semibold">⚠ {t("overspent")}</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {/* Totals only when a fiscal year has several lines: with one line a year, they would repeat the lines. */}
            {initiative.fundingTotals.length < initiative.fundingLines.length && (
              <>
                <h3>{t("totalsByYear")}</h3>
                <table data-testid="funding-totals">
                  <caption className="sr-only">{t("totalsByYear")}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t("fiscalYear")}</th>
                      <th scope="col" className="text-right">{t("allocated")}</th>
                      <th scope="col" className="text-right">{t("spent")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {initiative.fundingTotals.map((total) => (
                      <tr key={total.fiscalYear}>
                        <th scope="row">{fiscalYearLabel(total.fiscalYear, locale)}</th>
                        <td className="text-right whitespace-nowrap">{formatMoney(total.allocatedCents, locale)}</td>
                        <td className="text-right whitespace-nowrap">
                          {formatMoney(total.spentCents, locale)}
                          {total.spentCents > total.allocatedCents && <span className="block text-sm font-semibold">⚠ {funding("overspent")}</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </>
            )}
          </>
        )}
      </section>

      <section aria-labelledby="timeline">
        <h2 id="timeline">{t("timeline")}</h2>
        {initiative.statusUpdates.length === 0 ? (
          <p>{t("noUpdates")}</p>
        ) : mayReview ? (
          // Always the form for a reviewer, even once every update is reviewed: the message of the last review stays.
          <ReviewForm action={reviewStatusUpdateAction} messageId="timeline-review-message">
            {timeline}
          </ReviewForm>
        ) : (
          timeline
        )}
      </section>

      <section aria-labelledby="action-items">
        <h2 id="action-items">{t("actionItems")}</h2>
        {initiative.actionItems.length === 0 ? (
          <p>{t("noActionItems")}</p>
        ) : (
          <table>
            <caption className="sr-only">{t("actionItems")}</caption>
            <thead>
              <tr>
                <th scope="col">{funding("actionItem")}</th>
                <th scope="col">{t("owner")}</th>
                <th scope="col">{funding("due")}</th>
                <th scope="col">{funding("status")}</th>
              </tr>
            </thead>
            <tbody>
              {initiative.actionItems.map((item) => (
                <tr key={item.id}>
                  <td>
                    <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} />
                  </td>
                  <td>{byLocale(locale, item.ownerDepartment.acronymEn, item.ownerDepartment.acronymFr)}</td>
                  <td>{formatIsoDate(item.dueDate)}</td>
                  <td>{funding(`actionStatus.${item.status}`)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="history">
        <h2 id="history">{t("history")}</h2>
        <ChangeHistory events={history} locale={locale} names={names} />
      </section>
      <InitiativeIndicators user={user} initiativeId={initiative.id} locale={locale} />

      {initiative.statusUpdates.length > 0 && (
        <section aria-labelledby="update-discussions">
          <h2 id="update-discussions">{discussion("updatesTitle")}</h2>
          {initiative.statusUpdates.map((update) => (
            <div key={update.id} data-testid="update-discussion">
              <h3 className="text-xl">{reportingPeriodLabel(update.reportingPeriod, locale)}</h3>
              <Discussion thread={threadOf(threads, "statusUpdate", update.id)} initiativeIds={threads.initiativeIds} user={user} locale={locale} actions={discussionActions} title={discussion("updateTitle", { period: reportingPeriodLabel(update.reportingPeriod, locale) })} headingLevel={4} compact />
            </div>
          ))}
        </section>
      )}
      <Discussion thread={threadOf(threads, "initiative", initiative.id)} initiativeIds={threads.initiativeIds} user={user} locale={locale} actions={discussionActions} />
      <InitiativeDocuments user={user} initiativeId={initiative.id} locale={locale} />
    </>
  );
}

/** The initiative's documents (issue 20). */
async function InitiativeDocuments({ user, initiativeId, locale }: { user: Parameters<typeof listDocuments>[0]; initiativeId: string; locale: "en" | "fr" }) {
  const list = await listDocuments(user, "initiative", initiativeId);
  if (!list) return null;
  const t = await getTranslations("Documents");
  return <DocumentsSection list={list} target="initiative" targetId={initiativeId} locale={locale} heading={t("heading")} idPrefix="initiative" withdrawAction={withdrawDocumentAction} />;
}
