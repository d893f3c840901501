import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { myCalendarFeed } from "@/lib/calendar-feeds/queries";
import { formatDateTime } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import type { FormState } from "@/lib/kernel/form-state";
import { CommandForm } from "@/components/forms/command-form";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The profile's calendar feed (issue 22.5): a private address that Outlook and other calendars subscribe to, with
 * every meeting of the group kept current. The address is shown once, when it is made; it can be replaced or
 * revoked at any time.
 */
export async function CalendarFeedSection({ user, locale, actions }: { user: SessionUser; locale: Locale; actions: { create: Action; revoke: Action } }) {
  const t = await getTranslations("CalendarFeed");
  const feed = await myCalendarFeed(user);
  return (
    <section aria-labelledby="calendar-feed-heading">
      <h2 id="calendar-feed-heading">{t("heading")}</h2>
      <p>{t("intro")}</p>
      {feed ? (
        <p data-testid="calendar-feed-state">
          {t("active", { since: formatDateTime(feed.createdAt, locale) })}{" "}
          {feed.lastFetchedAt ? t("lastRead", { when: formatDateTime(feed.lastFetchedAt, locale) }) : t("neverRead")}
        </p>
      ) : (
        <p data-testid="calendar-feed-state">{t("none")}</p>
      )}
      <CommandForm action={actions.create} testId="calendar-feed-create" submitLabel={feed ? t("replace") : t("create")} fields={[]} />
      {feed && <CommandForm action={actions.revoke} testId="calendar-feed-revoke" submitLabel={t("revoke")} fields={[]} />}
    </section>
  );
}
