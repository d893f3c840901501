import { headers } from "next/headers";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { notFound } from "next/navigation";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import type { SessionUser } from "@/lib/auth/types";
import { isDatabaseUnavailableError } from "@/lib/db-errors";
import { isLocale } from "@/lib/i18n/routing";
import { sectionsFor } from "@/lib/navigation/sections";
import { MainNav } from "@/components/shell/main-nav";
import { PortalFrame } from "@/components/shell/portal-frame";
import { SearchBox } from "@/components/shell/search-box";
import { RequestIdProvider } from "@/components/shell/request-id";
import { ServiceUnavailable } from "@/components/shell/service-unavailable";
import { SessionExpiryWarning, type SessionExpiryText } from "@/components/shell/session-expiry-warning";
import { UserMenu } from "@/components/shell/user-menu";
import { NotificationsLink } from "@/components/shell/notifications-link";
import { mayReach } from "@/lib/auth/account-gate";
import { unreadNotificationCount } from "@/lib/notifications/queries";

export const dynamic = "force-dynamic";

/** Every portal page requires a signed-in, active user (the proxy only redirects early). */
export default async function PortalLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);

  let user: SessionUser | null;
  try {
    user = await getCurrentUser("ownAccount");
  } catch (error) {
    if (!isDatabaseUnavailableError(error)) throw error;
    return (
      <PortalFrame>
        <ServiceUnavailable />
      </PortalFrame>
    );
  }
  if (!user) user = await requireUser(locale);

  const nav = await getTranslations("Nav");
  const shell = await getTranslations("Shell");
  const errors = await getTranslations("Errors");
  const errorText = {
    title: errors("errorTitle"),
    body: errors("errorBody"),
    unavailableTitle: errors("unavailableTitle"),
    unavailableBody: errors("unavailableBody"),
    tryAgain: errors("tryAgain"),
    reference: errors("reference", { digest: "{digest}" }),
  };
  const items = sectionsFor(user).map(({ key, href }) => ({ key, href, label: nav(key) }));
  const requestId = (await headers()).get("x-request-id");
  const expiry = await getTranslations("SessionExpiry");
  // The placeholders stay for the dialog to fill in the browser (as the error text's {digest} above).
  const expiryText: SessionExpiryText = {
    warningTitle: expiry("warningTitle"),
    warningBody: expiry("warningBody", { time: "{time}" }),
    countdown: expiry("countdown", { minutes: "{minutes}", seconds: "{seconds}" }),
    continue: expiry("continue"),
    signOutLater: expiry("signOutLater"),
    extended: expiry("extended", { time: "{time}" }),
    extendFailed: expiry("extendFailed"),
    endedTitle: expiry("endedTitle"),
    endedBody: expiry("endedBody"),
    signInAgain: expiry("signInAgain"),
    close: expiry("close"),
    signedInAgain: expiry("signedInAgain"),
  };
  // The header's count of unread notifications: one statement (a partial index), for those who reach the portal.
  const unread = mayReach(user, "portal") ? await unreadNotificationCount(user) : null;
  // The session-expiry dialog sits after the page frame, outside its main region: it belongs to no page.
  return (
    <>
      <PortalFrame
        headerExtra={
          <div className="flex flex-wrap items-center gap-4">
            <SearchBox locale={locale} />
            {unread !== null && <NotificationsLink count={unread} />}
            <UserMenu user={user} />
          </div>
        }
        nav={<MainNav items={items} label={shell("mainNavigation")} />}>
        <RequestIdProvider requestId={requestId} errorText={errorText}>{children}</RequestIdProvider>
      </PortalFrame>
      {user.sessionRemainingMs !== undefined && (
        <SessionExpiryWarning remainingMs={user.sessionRemainingMs} locale={locale} signInHref={`/${locale}/sign-in`} text={expiryText} />
      )}
    </>
  );
}
