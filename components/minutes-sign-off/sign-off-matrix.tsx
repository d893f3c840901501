import { useTranslations } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";
import type { SignOffMatrix as Matrix } from "@/lib/minutes-sign-off/queries";
import { formatDateTime } from "@/lib/format/numbers";
import { longCalendarDate } from "./dates";

/**
 * The sign-off matrix (issue 22.4): each member department and its answer to the latest circulation, in words
 * ("Concurred", "Sent comments", "No answer"), never colour alone; the totals above it.
 */
export function SignOffMatrix({ matrix, locale }: { matrix: Matrix; locale: Locale }) {
  const t = useTranslations("SignOff");
  return (
    <div data-testid="sign-off-matrix">
      <p className="mb-1">
        {t("round", { round: matrix.round })} · {matrix.pastDue ? t("wasDue", { date: longCalendarDate(matrix.dueDate, locale) }) : t("due", { date: longCalendarDate(matrix.dueDate, locale) })}
      </p>
      <p className="mb-2 font-semibold" data-testid="sign-off-counts">
        {t("counts", matrix.counts)}
      </p>
      <table>
        <caption className="sr-only">{t("caption", { round: matrix.round })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("department")}</th>
            <th scope="col">{t("answer")}</th>
            <th scope="col">{t("comments")}</th>
            <th scope="col">{t("answeredBy")}</th>
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row) => (
            <tr key={row.departmentId} data-testid="sign-off-row" data-department={row.acronym.en}>
              <th scope="row">
                <abbr title={locale === "fr" ? row.name.fr : row.name.en}>{locale === "fr" ? row.acronym.fr : row.acronym.en}</abbr>
              </th>
              <td data-testid="sign-off-answer">{t(`response.${row.response ?? "NONE"}`)}</td>
              <td className="whitespace-pre-line">{row.comments ?? ""}</td>
              <td>{row.respondedBy && row.respondedAt ? t("by", { name: row.respondedBy, when: formatDateTime(row.respondedAt, locale) }) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
