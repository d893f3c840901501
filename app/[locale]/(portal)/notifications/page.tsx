import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ButtonForm } from "@/components/initiatives/button-form";
import { PageHeader } from "@/components/shell/page-header";
import { PageLinks } from "@/components/ui/page-links";
import { guardPage } from "@/lib/auth/page-guard";
import { formatDateTime } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { listNotifications } from "@/lib/notifications/queries";
import { markNotificationsReadAction } from "../discussion/actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/notifications">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "NotificationCentre" });
  return { title: t("title") };
}

/** The signed-in person's notification centre: newest first, unread marked, mark one or all as read. */
export default async function NotificationsPage({ params, searchParams }: PageProps<"/[locale]/notifications">) {
  const { locale, user } = await guardPage(params, "notification.manage");
  const query = await searchParams;
  const page = Math.max(1, Math.min(10_000, Number.parseInt(typeof query.page === "string" ? query.page : "1", 10) || 1));
  const t = await getTranslations("NotificationCentre");
  const { rows, total, unread, pageSize } = await listNotifications(user, page);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <>
      <PageHeader title={t("title")} trail={[{ label: t("title") }]}>
        <p>{t("intro")}</p>
        <p role="status" data-testid="unread-count">
          {t("unreadCount", { count: unread })}
        </p>
        {unread > 0 && <ButtonForm action={markNotificationsReadAction} fields={{ id: "" }} label={t("markAll")} testId="mark-all-read" />}
      </PageHeader>
      {rows.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <ul className="list-none pl-0" data-testid="notifications">
          {rows.map((row) => (
            <li key={row.id} className={`mb-3 border-l-4 pl-4 ${row.readAt ? "border-gc-border" : "border-gc-primary"}`} data-testid="notification" data-read={row.readAt ? "true" : "false"}>
              <p className="mb-1">
                <strong>{row.readAt ? t("read") : t("unread")}</strong> · {t(`kind.${row.kind}`, { name: row.actor?.displayName ?? "" })} ·{" "}
                <Link href={row.href}>{byLocale(locale, row.titleEn, row.titleFr)}</Link>
              </p>
              <p className="mb-1 text-sm">
                <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>
              </p>
              {!row.readAt && <ButtonForm action={markNotificationsReadAction} fields={{ id: row.id }} label={t("markRead")} />}
            </li>
          ))}
        </ul>
      )}
      <PageLinks label={t("title")} page={page} pages={pages} hrefFor={(target) => ({ pathname: "/notifications", query: { page: target } })} previous={t("previous")} next={t("next")} />
    </>
  );
}
