import { getTranslations } from "next-intl/server";
import type { Locale } from "@/lib/i18n/routing";
import { PORTAL_TIME_ZONE } from "@/lib/kernel/time";
import { dateTimeFormat, intlLocale } from "@/lib/format/intl";
import type { TextLanguageStatus } from "@/lib/translation/queries";

type Entry = { status: TextLanguageStatus | undefined; label: string };
type VerifyAction = (formData: FormData) => Promise<void>;

/**
 * Where each text of a record stands in the other official language, on the screen where it is edited (issue 21,
 * point 5): the language it was written in, the other one's state, who translated and verified it and when, and
 * "Mark verified" for a person the verifier setting names. A plain form: it works without JavaScript.
 * `verified`: the query parameter the action comes back with. `returnTo`: the portal path (without locale) the verify action comes back to.
 */
export async function LanguageStatus({ entries, locale, verifyAction, returnTo, headingId, verified }: { entries: Entry[]; locale: Locale; verifyAction: VerifyAction; returnTo: string; headingId: string; verified?: string | string[] }) {
  const shown = entries.filter((entry): entry is { status: TextLanguageStatus; label: string } => entry.status !== undefined);
  if (shown.length === 0) return null;
  const t = await getTranslations("TranslationInPlace");
  const states = await getTranslations("Translation.state");
  const languages = await getTranslations("Translation.lang");
  const date = dateTimeFormat(intlLocale(locale), { dateStyle: "long", timeZone: PORTAL_TIME_ZONE });
  const when = (at: Date | null, by: string | null) =>
    at && by ? t("byOn", { name: by, date: date.format(at) }) : at ? t("on", { date: date.format(at) }) : "";
  return (
    <section aria-labelledby={headingId} className="mt-8" data-testid="language-status">
      <h2 id={headingId}>{t("heading")}</h2>
      <p>{t("intro")}</p>
      {(verified === "1" || verified === "0") && (
        <p role="status" className={verified === "1" ? "border-l-4 border-health-green bg-gc-light p-2" : "border-l-4 border-gc-danger p-2"}>
          {t(verified === "1" ? "verified" : "notVerified")}
        </p>
      )}
      <ul className="space-y-3">
        {shown.map(({ status, label }) => {
          const other = status.sourceLanguage === "en" ? "fr" : "en";
          const detail =
            status.state === "verified"
              ? when(status.verifiedAt, status.verifiedBy)
              : status.state === "translated" || status.state === "needs_review"
                ? when(status.translatedAt, status.translatedBy)
                : "";
          return (
            <li key={status.key} data-testid={`language-status-${status.field}`}>
              <strong>{label}</strong>: {t("writtenIn", { language: languages(status.sourceLanguage) })}{" "}
              {t("otherState", { language: languages(other), state: states(status.state) })}
              {detail && <> ({detail})</>}
              {status.state === "needs_review" && <> {t("needsReviewWhy", { language: languages(status.sourceLanguage) })}</>}
              {status.mayVerify && (
                <form action={verifyAction} className="mt-1">
                  <input type="hidden" name="key" value={status.key} />
                  <input type="hidden" name="return" value={returnTo} />
                  <button type="submit" className="gc-button-secondary">
                    {t("verify", { language: languages(other), text: label })}
                  </button>
                </form>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
