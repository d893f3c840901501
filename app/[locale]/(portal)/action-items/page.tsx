import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { holdsPermission } from "@/lib/authz/permissions";
import { listActionItems } from "@/lib/action-items/queries";
import { actionItemViews, type ActionItemView } from "@/lib/action-items/schemas";
import { Link } from "@/lib/i18n/navigation";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { ActionItemTable } from "@/components/action-items/action-item-table";
import { listActionItemsAction, updateActionItemStatusAction } from "./actions";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default async function ActionItemsPage({ params, searchParams }: PageProps<"/[locale]/action-items">) {
  const { locale, user } = await guardPage(params, "portal.read");
  const query = await searchParams;
  const defaultView: ActionItemView = user.departmentId ? "department" : "open";
  const view = actionItemViews.find((candidate) => candidate === query.view) ?? defaultView;
  const page = Math.max(1, Math.trunc(Number(query.page)) || 1);
  const meetingId = typeof query.meeting === "string" && uuidPattern.test(query.meeting) ? query.meeting : undefined;
  const list = await listActionItems(user, { view, page, meetingId });
  const t = await getTranslations("ActionItems");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={nav("actionItems")} trail={[{ label: nav("actionItems") }]}>
        {holdsPermission(user, "actionItem.create") && (
          <p>
            <Link href="/action-items/new" className="gc-button">
              {t("new")}
            </Link>
          </p>
        )}
      </PageHeader>
      {query.created === "1" && (
        <p role="status" className="border-l-4 border-health-green bg-gc-light p-3">
          {t("created")}
        </p>
      )}
      <nav aria-label={t("views")} className="mb-4">
        <ul className="flex flex-wrap gap-2">
          {actionItemViews.map((candidate) => (
            <li key={candidate}>
              <Link
                href={{ pathname: "/action-items", query: { view: candidate, ...(meetingId ? { meeting: meetingId } : {}) } }}
                aria-current={candidate === view ? "page" : undefined}
                className={candidate === view ? "gc-button" : "gc-button-secondary"}
              >
                {t(`view.${candidate}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <QueryProvider>
        <ActionItemTable actions={{ list: listActionItemsAction, updateStatus: updateActionItemStatusAction }} locale={locale} view={view} page={page} meetingId={meetingId} initial={list} />
      </QueryProvider>
    </>
  );
}
