import type { Locale } from "@/lib/i18n/routing";
import { PORTAL_TIME_ZONE } from "@/lib/kernel/time";
import { dateTimeFormat, intlLocale } from "@/lib/format/intl";

/** A meeting's date and times in America/Toronto, with the zone named, in the page's language. */
export function MeetingWhen({ startsAt, endsAt, locale }: { startsAt: Date; endsAt: Date; locale: Locale }) {
  const intl = intlLocale(locale);
  const date = dateTimeFormat(intl, { dateStyle: "full", timeZone: PORTAL_TIME_ZONE }).format(startsAt);
  const time = dateTimeFormat(intl, { timeStyle: "short", timeZone: PORTAL_TIME_ZONE });
  const zone = dateTimeFormat(intl, { timeZone: PORTAL_TIME_ZONE, timeZoneName: "short" }).formatToParts(startsAt).find((part) => part.type === "timeZoneName")?.value ?? "";
  return (
    <span>
      <time dateTime={startsAt.toISOString()}>{date}</time>, {time.format(startsAt)} – <time dateTime={endsAt.toISOString()}>{time.format(endsAt)}</time> {zone}
    </span>
  );
}
