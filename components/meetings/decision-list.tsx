import { getTranslations } from "next-intl/server";
import { pickLocalized } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { LocalizedText } from "@/components/ui/localized-text";

type Decision = { id: string; number: string; textEn: string; textFr: string; initiatives: { initiative: { id: string; code: string } }[] };

/** A record of decisions: each decision's number, its text in the page's language and the initiatives it concerns. */
export async function DecisionList({ decisions, locale, testId }: { decisions: Decision[]; locale: Locale; testId?: string }) {
  const t = await getTranslations("Meetings");
  return (
    <ul className="space-y-2" data-testid={testId}>
      {decisions.map((decision) => (
        <li key={decision.id}>
          <strong>{decision.number}</strong> — <LocalizedText value={pickLocalized(locale, decision.textEn, decision.textFr)} />
          {decision.initiatives.length > 0 && (
            <span className="block text-base" data-testid="decision-initiatives">
              {t("decisionInitiatives")}{" "}
              {decision.initiatives.map(({ initiative }, index) => (
                <span key={initiative.id}>
                  {index > 0 && ", "}
                  <Link href={`/initiatives/${initiative.id}`}>{initiative.code}</Link>
                </span>
              ))}
            </span>
          )}
        </li>
      ))}
    </ul>
  );
}
