import { getTranslations } from "next-intl/server";
import type { DashboardScope } from "@/lib/dashboard/filters";
import type { PillarTile } from "@/lib/dashboard/queries";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { byLocale } from "@/lib/i18n/localized";
import { PlainLink } from "@/components/ui/plain-link";
import type { Locale } from "@/lib/i18n/routing";
import { healthIcon, safeColour } from "@/components/charts/chart-colours";

/** A card per pillar: initiatives by health (shape, words and count), average progress, funding of the year. */
export async function PillarTiles({ tiles, locale, scope, linkToPillar }: { tiles: PillarTile[]; locale: Locale; scope: DashboardScope; linkToPillar: boolean }) {
  const t = await getTranslations("Dashboard");
  const health = await getTranslations("Health");
  const query: Record<string, string> = {};
  if (scope.fiscalYear !== null) query.fiscalYear = String(scope.fiscalYear);
  if (scope.department) query.department = scope.department;
  return (
    <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" data-testid="pillar-tiles">
      {tiles.map((tile) => {
        const name = byLocale(locale, tile.nameEn, tile.nameFr);
        const year = tile.fiscalYear === null ? "—" : fiscalYearLabel(tile.fiscalYear, locale);
        return (
          <li key={tile.code} className="border border-gc-border border-t-8 p-4" style={{ borderTopColor: safeColour(tile.colour) }} data-pillar={tile.code}>
            <h3 className="mt-0 text-xl">
              {linkToPillar ? (
                <PlainLink locale={locale} href={{ pathname: `/dashboard/pillars/${tile.code}`, query }} aria-label={t("tile.open", { pillar: name })}>
                  {name}
                </PlainLink>
              ) : (
                name
              )}
            </h3>
            <p className="font-semibold" data-figure="total">
              {t("tile.initiatives", { count: tile.total })}
            </p>
            <ul className="text-base">
              {(["GREEN", "AMBER", "RED"] as const).map((level) => (
                <li key={level} data-figure={level}>
                  <span aria-hidden="true">{healthIcon[level]}</span> {health(level)}: <strong>{tile[level.toLowerCase() as "green" | "amber" | "red"]}</strong>
                </li>
              ))}
              {tile.unrated > 0 && (
                <li data-figure="NONE">
                  <span aria-hidden="true">{healthIcon.NONE}</span> {health("NONE")}: <strong>{tile.unrated}</strong>
                </li>
              )}
            </ul>
            <dl className="mt-2 grid grid-cols-[1fr_auto] gap-x-3 text-base">
              <dt>{t("tile.averageProgress")}</dt>
              <dd className="text-right font-semibold" data-figure="progress">
                {tile.averageProgress === null ? t("tile.noProgress") : t("percent", { value: tile.averageProgress })}
              </dd>
              <dt>
                {t("tile.funding", { year })} — {t("tile.allocated")}
              </dt>
              <dd className="whitespace-nowrap text-right font-semibold" data-figure="allocated">
                {formatMoney(tile.allocatedCents, locale)}
              </dd>
              <dt>
                {t("tile.funding", { year })} — {t("tile.spent")}
              </dt>
              <dd className="whitespace-nowrap text-right font-semibold" data-figure="spent">
                {formatMoney(tile.spentCents, locale)}
              </dd>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
