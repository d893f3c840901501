import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { auditFilterChoices, auditFiltersSchema, listAuditEvents } from "@/lib/audit/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/audit">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Audit" });
  return { title: t("title") };
}

function summary(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = JSON.stringify(value);
  return text.length > 160 ? `${text.slice(0, 157)}…` : text;
}

export default async function AuditPage({ params, searchParams }: PageProps<"/[locale]/admin/audit">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const filters = auditFiltersSchema.parse(await searchParams);
  const t = await getTranslations("Audit");
  const nav = await getTranslations("Nav");
  const [{ rows, total, pages }, choices] = await Promise.all([listAuditEvents(user, filters), auditFilterChoices(user)]);
  const active = Object.fromEntries(
    Object.entries({ actorId: filters.actorId, entityType: filters.entityType, action: filters.action, from: filters.from, to: filters.to }).filter(([, value]) => value),
  ) as Record<string, string>;
  const exportHref = `/api/admin/audit/export?${new URLSearchParams({ ...active, locale }).toString()}`;
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: nav("administration"), href: "/admin" }, { label: t("title") }]}>
        <p>{t("intro")}</p>
      </PageHeader>
      <form method="get" className="mb-6 grid gap-4 border border-gc-border p-4 sm:grid-cols-2 lg:grid-cols-3" aria-label={t("filters")}>
        <div>
          <label htmlFor="audit-person" className="gc-label">
            {t("person")}
          </label>
          <select id="audit-person" name="actorId" className="gc-input" defaultValue={filters.actorId ?? ""}>
            <option value="">{t("any")}</option>
            {choices.actors.map((actor) => (
              <option key={actor.id} value={actor.id}>
                {actor.displayName} ({actor.email})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-type" className="gc-label">
            {t("recordType")}
          </label>
          <select id="audit-type" name="entityType" className="gc-input" defaultValue={filters.entityType ?? ""}>
            <option value="">{t("any")}</option>
            {choices.entityTypes.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-action" className="gc-label">
            {t("action")}
          </label>
          <select id="audit-action" name="action" className="gc-input" defaultValue={filters.action ?? ""}>
            <option value="">{t("any")}</option>
            {choices.actions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="audit-from" className="gc-label">
            {t("from")}
          </label>
          <input id="audit-from" name="from" type="date" className="gc-input" defaultValue={filters.from ?? ""} />
        </div>
        <div>
          <label htmlFor="audit-to" className="gc-label">
            {t("to")}
          </label>
          <input id="audit-to" name="to" type="date" className="gc-input" defaultValue={filters.to ?? ""} />
        </div>
        <div className="flex items-end gap-4 sm:col-span-2 lg:col-span-3">
          <button type="submit" className="gc-button">
            {t("applyFilters")}
          </button>
          <a href={exportHref} className="gc-button-secondary" download>
            {t("export")}
          </a>
        </div>
      </form>
      <p role="status">{t("count", { count: total })}</p>
      <div className="overflow-x-auto">
        <table data-testid="audit-table">
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("when")}</th>
              <th scope="col">{t("person")}</th>
              <th scope="col">{t("action")}</th>
              <th scope="col">{t("record")}</th>
              <th scope="col">{t("before")}</th>
              <th scope="col">{t("after")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td className="whitespace-nowrap">{formatDateTime(row.occurredAt, locale)}</td>
                <td>{row.actor?.displayName ?? t("nobody")}</td>
                <th scope="row" className="font-normal">
                  {row.action}
                </th>
                <td className="break-all">
                  {row.entityType} {row.entityId}
                </td>
                <td className="break-all font-mono text-sm">{summary(row.before)}</td>
                <td className="break-all font-mono text-sm">{summary(row.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
          {filters.page > 1 && <Link href={{ pathname: "/admin/audit", query: { ...active, page: String(filters.page - 1) } }}>{t("previous")}</Link>}
          <span>{t("pageOf", { page: filters.page, pages })}</span>
          {filters.page < pages && <Link href={{ pathname: "/admin/audit", query: { ...active, page: String(filters.page + 1) } }}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
