import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { auditFilterChoices, auditFiltersSchema, listAuditEvents } from "@/lib/audit/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { FilterForm, ResultTable } from "@/components/admin/list-page";
import { FilterInput, FilterSelect } from "@/components/forms/filter-fields";
import { PageLinks } from "@/components/ui/page-links";

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
  const exports = await getTranslations("Exports");
  const [{ rows, total, pages }, choices] = await Promise.all([listAuditEvents(user, filters), auditFilterChoices(user)]);
  const active = Object.fromEntries(
    Object.entries({ actorId: filters.actorId, entityType: filters.entityType, action: filters.action, from: filters.from, to: filters.to }).filter(([, value]) => value),
  ) as Record<string, string>;
  const exportHref = `/api/admin/audit/export?${new URLSearchParams({ ...active, locale }).toString()}`;
  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </AdminPageHeader>
      <FilterForm
        label={t("filters")}
        submitLabel={t("applyFilters")}
        columns={3}
        actions={
          <span className="flex flex-wrap gap-4">
            <a href={exportHref} className="gc-button-secondary" download>
              {t("export")}
            </a>
            <a href={exportHref.replace("/export?", "/export/xlsx?")} className="gc-button-secondary" download aria-label={exports("xlsxLabel", { table: t("title") })}>
              {exports("xlsx")}
            </a>
          </span>
        }
      >
        <FilterSelect
          id="audit-person"
          name="actorId"
          label={t("person")}
          value={filters.actorId}
          anyLabel={t("any")}
          options={choices.actors.map((actor) => ({ value: actor.id, label: `${actor.displayName} (${actor.email})` }))}
        />
        <FilterSelect id="audit-type" name="entityType" label={t("recordType")} value={filters.entityType} anyLabel={t("any")} options={choices.entityTypes.map((type) => ({ value: type, label: type }))} />
        <FilterSelect id="audit-action" name="action" label={t("action")} value={filters.action} anyLabel={t("any")} options={choices.actions.map((action) => ({ value: action, label: action }))} />
        <FilterInput id="audit-from" name="from" type="date" label={t("from")} value={filters.from} />
        <FilterInput id="audit-to" name="to" type="date" label={t("to")} value={filters.to} />
      </FilterForm>
      <ResultTable
        testId="audit-table"
        caption={t("tableCaption")}
        columns={[t("when"), t("person"), t("action"), t("record"), t("before"), t("after")]}
        count={t("count", { count: total })}
      >
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
      </ResultTable>
      <PageLinks
        label={t("pagination")}
        page={filters.page}
        pages={pages}
        hrefFor={(page) => ({ pathname: "/admin/audit", query: { ...active, page: String(page) } })}
        previous={t("previous")}
        next={t("next")}
        pageOf={t("pageOf", { page: filters.page, pages })}
      />
    </>
  );
}
