import { getTranslations } from "next-intl/server";
import type { OpenActionItem } from "@/lib/dashboard/home";
import { formatIsoDate } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/** Open action items; an overdue one says so in words (and bold), not by colour. */
export async function ActionItemsTable({ items, locale, caption, showDepartment }: { items: OpenActionItem[]; locale: Locale; caption: string; showDepartment: boolean }) {
  const t = await getTranslations("RoleHome");
  return (
    <div className="overflow-x-auto" tabIndex={0} role="region" aria-label={caption}>
      <table data-table="action-items">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("columns.actionItem")}</th>
            {showDepartment && <th scope="col">{t("columns.department")}</th>}
            <th scope="col">{t("columns.dueDate")}</th>
            <th scope="col">{t("columns.status")}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.id}>
              <td>{byLocale(locale, item.titleEn, item.titleFr)}</td>
              {showDepartment && <td>{byLocale(locale, item.acronymEn, item.acronymFr)}</td>}
              <td className="whitespace-nowrap">
                {formatIsoDate(item.dueDate)}
                {item.overdue && <strong className="ml-2 text-gc-danger">{t("overdue")}</strong>}
              </td>
              <td>{t(`actionStatus.${item.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
