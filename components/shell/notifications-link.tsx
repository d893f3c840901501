import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

/** The header's link to the notification centre, with the count of unread notifications in its name. */
export async function NotificationsLink({ count }: { count: number }) {
  const t = await getTranslations("NotificationCentre");
  return (
    <Link href="/notifications" className="text-sm font-semibold text-white hover:text-white" data-testid="notifications-link">
      {t("link", { count })}
    </Link>
  );
}
