import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { roles } from "@/lib/authz/permissions";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { departmentChoices, listUsers } from "@/lib/users/queries";
import { userListFiltersSchema } from "@/lib/users/schemas";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { FilterForm, ResultTable } from "@/components/admin/list-page";
import { FilterInput, FilterSelect } from "@/components/forms/filter-fields";
import { PageLinks } from "@/components/ui/page-links";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  return { title: t("title") };
}

export default async function UsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const filters = userListFiltersSchema.parse(await searchParams);
  const t = await getTranslations("AdminUsers");
  const roleNames = await getTranslations("Roles");
  const [{ rows, total, pages }, departments] = await Promise.all([listUsers(user, filters), departmentChoices(user)]);
  const query = (page: number) => ({ ...(filters.q ? { q: filters.q } : {}), ...(filters.role ? { role: filters.role } : {}), ...(filters.departmentId ? { departmentId: filters.departmentId } : {}), ...(filters.status ? { status: filters.status } : {}), page: String(page) });
  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>
          <Link href="/admin/users/new" className="gc-button">
            {t("create")}
          </Link>
        </p>
      </AdminPageHeader>
      <FilterForm label={t("filters")} submitLabel={t("applyFilters")} columns={4}>
        <FilterInput id="filter-q" name="q" type="search" label={t("search")} value={filters.q} />
        <FilterSelect id="filter-role" name="role" label={t("role")} value={filters.role} anyLabel={t("any")} options={roles.map((role) => ({ value: role, label: roleNames(role) }))} />
        <FilterSelect
          id="filter-department"
          name="departmentId"
          label={t("department")}
          value={filters.departmentId}
          anyLabel={t("any")}
          options={departments.map((department) => ({ value: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))}
        />
        <FilterSelect
          id="filter-status"
          name="status"
          label={t("status")}
          value={filters.status}
          anyLabel={t("any")}
          options={[
            { value: "active", label: t("active") },
            { value: "inactive", label: t("inactive") },
          ]}
        />
      </FilterForm>
      <ResultTable
        testId="users-table"
        caption={t("tableCaption")}
        columns={[t("displayName"), t("email"), t("role"), t("department"), t("status")]}
        count={t("count", { count: total })}
      >
        {rows.map((row) => (
          <tr key={row.id}>
            <th scope="row" className="font-normal">
              <Link href={`/admin/users/${row.id}`}>{row.displayName}</Link>
            </th>
            <td>{row.email}</td>
            <td>{roleNames(row.role)}</td>
            <td>{row.department ? byLocale(locale, row.department.acronymEn, row.department.acronymFr) : "–"}</td>
            <td>
              {row.active ? t("active") : t("inactive")}
              {row.lockedUntil && row.lockedUntil > new Date() && <span className="ml-2 font-semibold">({t("locked")})</span>}
              {row.mustChangePassword && <span className="ml-2">({t("mustChangePassword")})</span>}
            </td>
          </tr>
        ))}
      </ResultTable>
      <PageLinks
        label={t("pagination")}
        page={filters.page}
        pages={pages}
        hrefFor={(page) => ({ pathname: "/admin/users", query: query(page) })}
        previous={t("previous")}
        next={t("next")}
        pageOf={t("pageOf", { page: filters.page, pages })}
      />
    </>
  );
}
