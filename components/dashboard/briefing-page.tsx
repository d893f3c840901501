import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import type { AttentionItem, PillarTile } from "@/lib/dashboard/queries";
import { attentionReason, type Translate } from "@/lib/dashboard/tables";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { LocalizedText } from "@/components/ui/localized-text";
import { byLocale, pickLocalized } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { HealthBadge } from "@/components/ui/health-badge";

function Marking({ marking }: { marking: string }) {
  return (
    <p className="my-0 border-y-2 border-black py-1 text-center font-bold uppercase tracking-wide" data-security-marking>
      {marking}
    </p>
  );
}

/** One pillar on one printed page: marking, figures, health, what needs attention, marking. */
export async function BriefingPage({
  tile,
  attention,
  more,
  marking,
  department,
  asOf,
  locale,
  children,
}: {
  tile: PillarTile;
  attention: AttentionItem[];
  /** How many more of the pillar's initiatives need attention than are listed. */
  more: number;
  marking: string;
  department: string | null;
  asOf: string;
  locale: Locale;
  /** More of the pillar's page, before its closing marking (the results framework's block). */
  children?: ReactNode;
}) {
  const t = await getTranslations("Dashboard");
  const health = (await getTranslations("Health")) as unknown as Translate;
  const name = byLocale(locale, tile.nameEn, tile.nameFr);
  const year = tile.fiscalYear === null ? "—" : fiscalYearLabel(tile.fiscalYear, locale);
  return (
    <section
      aria-labelledby={`briefing-${tile.code}`}
      className="briefing-page mb-10 border border-gc-border p-6 print:mb-0 print:border-0 print:p-0 [&:not(:last-child)]:break-after-page"
      data-briefing-pillar={tile.code}
    >
      <Marking marking={marking} />
      <h2 id={`briefing-${tile.code}`} className="mt-4">
        {t("briefing.pageTitle", { pillar: name })}
      </h2>
      <p>
        {t("briefing.asOf", { year, date: asOf })} {department ? t("briefing.department", { department }) : t("briefing.allDepartments")}
      </p>
      <p className="text-base">{byLocale(locale, tile.descriptionEn, tile.descriptionFr)}</p>
      <h3 className="text-lg">{t("briefing.figures")}</h3>
      <dl className="grid max-w-xl grid-cols-[1fr_auto] gap-x-4 text-base">
        <dt>{t("columns.initiatives")}</dt>
        <dd className="text-right font-semibold">{tile.total}</dd>
        <dt>{t("columns.averageProgress")}</dt>
        <dd className="text-right font-semibold">{tile.averageProgress === null ? "—" : t("percent", { value: tile.averageProgress })}</dd>
        <dt>{t("columns.allocatedIn", { year })}</dt>
        <dd className="whitespace-nowrap text-right font-semibold">{formatMoney(tile.allocatedCents, locale)}</dd>
        <dt>{t("columns.spentIn", { year })}</dt>
        <dd className="whitespace-nowrap text-right font-semibold">{formatMoney(tile.spentCents, locale)}</dd>
        {(["GREEN", "AMBER", "RED", "NONE"] as const).map((level) => (
          <div key={level} className="contents">
            <dt>{health(level)}</dt>
            <dd className="text-right font-semibold">{level === "NONE" ? tile.unrated : tile[level.toLowerCase() as "green" | "amber" | "red"]}</dd>
          </div>
        ))}
      </dl>
      <div className="mt-3 max-w-md">
        <StackedBarChart
          title={t("briefing.health")}
          legend={{ GREEN: health("GREEN"), AMBER: health("AMBER"), RED: health("RED") }}
          bars={[{ label: name, values: { GREEN: tile.green, AMBER: tile.amber, RED: tile.red } }]}
        />
      </div>
      <h3 className="text-lg">{t("briefing.attention")}</h3>
      {attention.length === 0 ? (
        <p>{t("empty.attention")}</p>
      ) : (
        <table className="text-base">
          <caption className="sr-only">{t("briefing.attention")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("columns.code")}</th>
              <th scope="col">{t("columns.initiative")}</th>
              <th scope="col">{t("columns.health")}</th>
              <th scope="col">{t("columns.reason")}</th>
            </tr>
          </thead>
          <tbody>
            {attention.map((item) => (
              <tr key={item.id}>
                <td className="whitespace-nowrap">{item.code}</td>
                <td>
                  <LocalizedText value={pickLocalized(locale, item.titleEn, item.titleFr)} /> ({byLocale(locale, item.acronymEn, item.acronymFr)})
                </td>
                <td>
                  <HealthBadge health={item.health} locale={locale} />
                </td>
                <td>{attentionReason(item, t as unknown as Translate, health)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {more > 0 && <p data-attention-more>{t("attention.more", { count: more })}</p>}
      {children}
      <div className="mt-6">
        <Marking marking={marking} />
      </div>
    </section>
  );
}
