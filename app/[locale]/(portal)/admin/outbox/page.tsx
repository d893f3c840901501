import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { MailPauseForm } from "@/components/mail/mail-pause-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { ResultTable } from "@/components/admin/list-page";
import { PageLinks } from "@/components/ui/page-links";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { Link } from "@/lib/i18n/navigation";
import { getOutboxOverview, listOutbox, mailStatuses } from "@/lib/mail/queries";
import { setMailPausedAction } from "./actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/outbox">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Outbox" });
  return { title: t("title") };
}

type Status = (typeof mailStatuses)[number];
const reasons = ["invalid_address", "rejected", "gave_up"] as const;

/** Administrators: every message the portal sends, its state, retries and last error; pause or resume all mail. */
export default async function OutboxPage({ params, searchParams }: PageProps<"/[locale]/admin/outbox">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const query = await searchParams;
  const status = mailStatuses.find((candidate) => candidate === query.status) as Status | undefined;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(String(query.page ?? "1"), 10) || 1));
  const [overview, list] = await Promise.all([getOutboxOverview(user), listOutbox(user, { status, page })]);
  if (!overview || !list) notFound();
  const t = await getTranslations("Outbox");
  const href = (next: { status?: Status; page?: number }) => {
    const search = new URLSearchParams();
    if (next.status) search.set("status", next.status);
    if (next.page && next.page > 1) search.set("page", String(next.page));
    const suffix = search.toString();
    return `/admin/outbox${suffix ? `?${suffix}` : ""}`;
  };

  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </AdminPageHeader>

      <section aria-labelledby="outbox-state" className="mb-6 border-l-4 border-gc-focus bg-gc-light p-4">
        <h2 id="outbox-state" className="mt-0 text-xl">
          {overview.paused ? t("paused") : overview.smtpConfigured ? t("running") : t("noSmtp")}
        </h2>
        {overview.paused && overview.smtpConfigured === false && <p>{t("noSmtp")}</p>}
        {overview.undeliverable > 0 && (
          <p className="font-semibold" data-testid="undeliverable">
            <Link href={href({ status: "FAILED" })}>{t("undeliverable", { count: overview.undeliverable })}</Link>
          </p>
        )}
        <MailPauseForm paused={overview.paused} action={setMailPausedAction} />
      </section>

      <nav aria-label={t("countsLabel")} className="mb-4">
        <p className="mb-1 font-semibold">{t("filterLabel")}</p>
        <ul className="flex flex-wrap gap-4">
          <li>
            <Link href={href({})} aria-current={status === undefined ? "page" : undefined}>
              {t("all")}
            </Link>
          </li>
          {mailStatuses.map((candidate) => (
            <li key={candidate}>
              <Link href={href({ status: candidate })} aria-current={status === candidate ? "page" : undefined}>
                {t(`status.${candidate}`)} ({overview.counts[candidate]})
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      {list.messages.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ResultTable
          testId="outbox-table"
          caption={t("caption", { page, pages: list.pages })}
          columns={[t("columns.created"), t("columns.recipient"), t("columns.subject"), t("columns.state"), t("columns.attempts"), t("columns.nextAttempt"), t("columns.lastError")]}
        >
          {list.messages.map((message) => {
            const reason = reasons.find((candidate) => candidate === message.failureReason);
            return (
              <tr key={message.id}>
                <td>{formatDateTime(message.createdAt, locale)}</td>
                <td>{message.toAddress}</td>
                <th scope="row" className="font-normal">
                  {message.subject}
                  <details className="mt-1">
                    <summary>{t("readMessage")}</summary>
                    <pre className="whitespace-pre-wrap text-sm">{message.textBody}</pre>
                    {message.attachmentNames.length > 0 && <p className="text-sm">{t("attachments", { names: message.attachmentNames.join(", ") })}</p>}
                  </details>
                </th>
                <td>
                  <strong>{t(`status.${message.status}`)}</strong>
                  {reason && <span className="block text-sm">{t(`reason.${reason}`)}</span>}
                  {message.sentAt && <span className="block text-sm">{formatDateTime(message.sentAt, locale)}</span>}
                </td>
                <td>{message.attempts}</td>
                <td>{message.status === "QUEUED" ? formatDateTime(message.nextAttemptAt, locale) : "–"}</td>
                <td className="text-sm">{message.lastError ?? "–"}</td>
              </tr>
            );
          })}
        </ResultTable>
      )}

      <PageLinks label={t("pagination")} page={page} pages={list.pages} hrefFor={(target) => href({ status, page: target })} previous={t("previous")} next={t("next")} />
    </>
  );
}
