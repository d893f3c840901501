import { getLocale, getTranslations } from "next-intl/server";
import type { DepartmentInitiativeRow } from "@/lib/departments/queries";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import { isLocale } from "@/lib/i18n/routing";
import { HealthBadge } from "@/components/ui/health-badge";
import { LocalizedText } from "@/components/ui/localized-text";

/** One page of a department's initiatives; `empty` only when it has none at all (not past its last page). */
export async function DepartmentInitiatives({ rows, total, caption, empty, showLead }: { rows: DepartmentInitiativeRow[]; total: number; caption: string; empty: string; showLead: boolean }) {
  if (total === 0) return <p>{empty}</p>;
  const t = await getTranslations("Departments");
  const lifecycle = await getTranslations("Lifecycle");
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  return (
    <div className="overflow-x-auto">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t("code")}</th>
            <th scope="col">{t("initiative")}</th>
            {showLead && <th scope="col">{t("leadDepartment")}</th>}
            <th scope="col">{t("pillar")}</th>
            <th scope="col">{t("status")}</th>
            <th scope="col">{t("health")}</th>
            <th scope="col" className="text-right">
              {t("progress")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              <td className="whitespace-nowrap">{row.code}</td>
              <td>
                <LocalizedText value={pickLocalized(locale, row.titleEn, row.titleFr)} />
              </td>
              {showLead && <td>{byLocale(locale, row.leadDepartment.acronymEn, row.leadDepartment.acronymFr)}</td>}
              <td>{byLocale(locale, row.primaryPillar.nameEn, row.primaryPillar.nameFr)}</td>
              <td>{lifecycle(row.status)}</td>
              <td>
                <HealthBadge health={row.health} locale={locale} />
              </td>
              <td className="text-right">{t("progressValue", { value: row.progress })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
