import { getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { formatIsoDate } from "@/lib/format/numbers";
import { pickLocalized } from "@/lib/i18n/localized";
import { LocalizedText } from "@/components/ui/localized-text";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { listOwedUpdates } from "@/lib/update-calls/queries";

/** For a representative's home page: the status updates their department still owes to open calls. */
export async function OwedUpdates({ user, locale }: { user: SessionUser; locale: Locale }) {
  if (user.role !== "DEPARTMENT_REP") return null;
  const owed = await listOwedUpdates(user);
  const t = await getTranslations("UpdateCalls");
  return (
    <section aria-labelledby="owed-heading">
      <h2 id="owed-heading">{t("owedHeading")}</h2>
      {owed.length === 0 ? (
        <p>{t("owedNone")}</p>
      ) : (
        <ul className="list-disc pl-6" data-testid="owed-updates">
          {owed.map((entry) => (
            <li key={`${entry.call.id}:${entry.initiative.id}`}>
              <Link href={`/initiatives/${entry.initiative.id}`}>
                {entry.initiative.code} — <LocalizedText value={pickLocalized(locale, entry.initiative.titleEn, entry.initiative.titleFr)} />
              </Link>{" "}
              {t("owedFor", { period: entry.call.reportingPeriod, date: formatIsoDate(entry.call.dueDate) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
