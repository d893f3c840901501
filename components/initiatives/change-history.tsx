import { getTranslations } from "next-intl/server";
import type { HistoryEvent } from "@/lib/initiatives/queries";
import { formatDateTime } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";

type Lookup = Map<string, string>;

/** Who changed what, when, before and after, from the audit log. Ids of departments and pillars show as names. */
export async function ChangeHistory({ events, locale, names }: { events: HistoryEvent[]; locale: Locale; names: Lookup }) {
  const t = await getTranslations("Initiatives");
  if (events.length === 0) return <p>{t("noHistory")}</p>;
  const show = (value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("empty");
    if (Array.isArray(value)) return value.length ? value.map(show).join(", ") : t("empty");
    if (typeof value === "string") return names.get(value) ?? (/^\d{4}-\d{2}-\d{2}T00:00:00\.000Z$/.test(value) ? value.slice(0, 10) : value);
    return String(value);
  };
  const fieldLabel = (key: string) => (t.has(`fields.${key}`) ? t(`fields.${key}` as "fields.titleEn") : key);
  const actionLabel = (action: string) => {
    const key = `actions.${action.replace(".", "_")}`;
    return t.has(key) ? t(key as "actions.initiative_create") : action;
  };
  return (
    <div className="overflow-x-auto">
      <table data-testid="change-history">
        <caption className="sr-only">{t("history")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("when")}</th>
            <th scope="col">{t("who")}</th>
            <th scope="col">{t("what")}</th>
            <th scope="col">{t("field")}</th>
            <th scope="col">{t("before")}</th>
            <th scope="col">{t("after")}</th>
          </tr>
        </thead>
        <tbody>
          {events.flatMap((event) => {
            const before = (event.before ?? {}) as Record<string, unknown>;
            const after = (event.after ?? {}) as Record<string, unknown>;
            const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((key) => key !== "version" && key !== "updatedAt");
            const rows = fields.length ? fields : [""];
            return rows.map((field, index) => (
              <tr key={`${event.id}-${field}`}>
                {index === 0 && (
                  <>
                    <td rowSpan={rows.length} className="whitespace-nowrap">
                      {formatDateTime(event.occurredAt, locale)}
                    </td>
                    <td rowSpan={rows.length}>{event.actor?.displayName ?? t("system")}</td>
                    <td rowSpan={rows.length}>{actionLabel(event.action)}</td>
                  </>
                )}
                <td>{field ? fieldLabel(field) : ""}</td>
                <td className="break-words">{field ? show(before[field]) : ""}</td>
                <td className="break-words">{field ? show(after[field]) : ""}</td>
              </tr>
            ));
          })}
        </tbody>
      </table>
    </div>
  );
}
