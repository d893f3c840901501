import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { roles } from "@/lib/authz/permissions";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { departmentChoices, listUsers } from "@/lib/users/queries";
import { userListFiltersSchema } from "@/lib/users/schemas";
import { PageHeader } from "@/components/shell/page-header";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/users">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminUsers" });
  return { title: t("title") };
}

export default async function UsersPage({ params, searchParams }: PageProps<"/[locale]/admin/users">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const filters = userListFiltersSchema.parse(await searchParams);
  const t = await getTranslations("AdminUsers");
  const nav = await getTranslations("Nav");
  const roleNames = await getTranslations("Roles");
  const [{ rows, total, pages }, departments] = await Promise.all([listUsers(user, filters), departmentChoices(user)]);
  const query = (page: number) => ({ ...(filters.q ? { q: filters.q } : {}), ...(filters.role ? { role: filters.role } : {}), ...(filters.departmentId ? { departmentId: filters.departmentId } : {}), ...(filters.status ? { status: filters.status } : {}), page: String(page) });
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: nav("administration"), href: "/admin" }, { label: t("title") }]}>
        <p>
          <Link href="/admin/users/new" className="gc-button">
            {t("create")}
          </Link>
        </p>
      </PageHeader>
      <form method="get" className="mb-6 grid gap-4 border border-gc-border p-4 sm:grid-cols-2 lg:grid-cols-4" aria-label={t("filters")}>
        <div>
          <label htmlFor="filter-q" className="gc-label">
            {t("search")}
          </label>
          <input id="filter-q" name="q" type="search" className="gc-input" defaultValue={filters.q ?? ""} />
        </div>
        <div>
          <label htmlFor="filter-role" className="gc-label">
            {t("role")}
          </label>
          <select id="filter-role" name="role" className="gc-input" defaultValue={filters.role ?? ""}>
            <option value="">{t("any")}</option>
            {roles.map((role) => (
              <option key={role} value={role}>
                {roleNames(role)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-department" className="gc-label">
            {t("department")}
          </label>
          <select id="filter-department" name="departmentId" className="gc-input" defaultValue={filters.departmentId ?? ""}>
            <option value="">{t("any")}</option>
            {departments.map((department) => (
              <option key={department.id} value={department.id}>
                {byLocale(locale, department.acronymEn, department.acronymFr)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor="filter-status" className="gc-label">
            {t("status")}
          </label>
          <select id="filter-status" name="status" className="gc-input" defaultValue={filters.status ?? ""}>
            <option value="">{t("any")}</option>
            <option value="active">{t("active")}</option>
            <option value="inactive">{t("inactive")}</option>
          </select>
        </div>
        <div className="sm:col-span-2 lg:col-span-4">
          <button type="submit" className="gc-button">
            {t("applyFilters")}
          </button>
        </div>
      </form>
      <p role="status">{t("count", { count: total })}</p>
      <div className="overflow-x-auto">
        <table data-testid="users-table">
          <caption>{t("tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("displayName")}</th>
              <th scope="col">{t("email")}</th>
              <th scope="col">{t("role")}</th>
              <th scope="col">{t("department")}</th>
              <th scope="col">{t("status")}</th>
            </tr>
          </thead>
          <tbody>
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
          </tbody>
        </table>
      </div>
      {pages > 1 && (
        <nav aria-label={t("pagination")} className="mt-4 flex gap-4">
          {filters.page > 1 && <Link href={{ pathname: "/admin/users", query: query(filters.page - 1) }}>{t("previous")}</Link>}
          <span>{t("pageOf", { page: filters.page, pages })}</span>
          {filters.page < pages && <Link href={{ pathname: "/admin/users", query: query(filters.page + 1) }}>{t("next")}</Link>}
        </nav>
      )}
    </>
  );
}
