import "server-only";
import { createTranslator } from "next-intl";
import { formatDateTime } from "@/lib/format/numbers";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/routing";
import { composeBilingual } from "@/lib/mail/compose";
import { messageTo, type DbClient, type QueuedMessage } from "@/lib/mail/outbox";

export type ReportForMail = { id: string; pagePath: string; description: string; contactEmail: string | null; reporterName: string | null; requestId: string; createdAt: Date };

/**
 * Who receives problem reports: the secretariat's active coordinators, each in their own language; the
 * administrators when there is no coordinator, so that a report always reaches someone who can act on it.
 */
export async function problemReportRecipients(client: DbClient) {
  const select = { id: true, email: true, preferredLanguage: true } as const;
  const coordinators = await client.user.findMany({ where: { role: "COORDINATOR", active: true }, select, orderBy: { email: "asc" } });
  if (coordinators.length > 0) return coordinators;
  return client.user.findMany({ where: { role: "ADMIN", active: true }, select, orderBy: { email: "asc" } });
}

/** The bilingual message about one report for each recipient, their language first, linking to the reports' list. */
export function problemReportMessages(report: ReportForMail, recipients: { id: string; email: string; preferredLanguage: Locale }[], baseUrl: string): QueuedMessage[] {
  return recipients.map((recipient) => {
    const composed = composeBilingual({
      language: recipient.preferredLanguage,
      baseUrl,
      section: (locale) => {
        const t = createTranslator({ locale, messages: catalogues[locale], namespace: "ProblemReport.mail" });
        return {
          subject: t("subject", { page: report.pagePath }),
          greeting: t("greeting"),
          paragraphs: [
            t("reported", { page: report.pagePath, when: formatDateTime(report.createdAt, locale) }),
            report.reporterName ? t("reporter", { reporter: report.reporterName }) : t("anonymous"),
            report.contactEmail ? t("replyTo", { email: report.contactEmail }) : t("noReply"),
            t("wrote"),
            report.description,
            t("reference", { requestId: report.requestId }),
          ],
          action: { label: t("action"), path: "/admin/problem-reports" },
        };
      },
    });
    return messageTo({ ...recipient, language: recipient.preferredLanguage }, composed, { dedupeKey: `problem-report:${report.id}:${recipient.id}` });
  });
}
