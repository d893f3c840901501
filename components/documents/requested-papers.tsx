import { getTranslations } from "next-intl/server";
import type { PaperRequestRow } from "@/lib/documents/queries";
import { Link } from "@/lib/i18n/navigation";

/** A representative's home: the papers asked of their department, due when, in or not, with the meeting to upload on. */
export async function RequestedPapers({ requests, locale }: { requests: PaperRequestRow[]; locale: "en" | "fr" }) {
  if (requests.length === 0) return null;
  const t = await getTranslations("Documents");
  const pick = (en: string, fr: string) => (locale === "fr" ? fr : en);
  return (
    <section aria-labelledby="requested-papers-heading" className="mb-8" data-testid="requested-papers">
      <h2 id="requested-papers-heading">{t("yourRequests")}</h2>
      <ul className="space-y-2">
        {requests.map((request) => (
          <li key={request.id} data-testid="requested-paper" data-received={request.received ? "true" : "false"}>
            <Link href={`/meetings/${request.meeting.id}#papers-heading`}>
              {request.meeting.sequenceNumber} — {pick(request.item.titleEn, request.item.titleFr)}
            </Link>{" "}
            ({t("due", { date: request.dueDate })}) — {request.received ? t("received") : <strong>{t("missing")}</strong>}
            {locale === "fr" ? request.noteFr && <span className="block text-gc-secondary">{request.noteFr}</span> : request.noteEn && <span className="block text-gc-secondary">{request.noteEn}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
