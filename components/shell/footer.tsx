import { getLocale, getTranslations } from "next-intl/server";
import { ReportProblem } from "@/components/identity/report-problem";
import { buildInfo } from "@/lib/identity/build-info";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { CanadaWordmark } from "./gc-marks";

/**
 * The footer, laid out as Canada.ca's: the page details ("Report a problem on this page", date modified), the portal's band, then the band of
 * notices (privacy, accessibility, terms) with the Canada wordmark. The notices open without signing in.
 */
export async function Footer() {
  const t = await getTranslations("Shell");
  const identity = await getTranslations("Identity");
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  const build = buildInfo();
  const version = build.commit ? identity("versionWithCommit", { version: build.version, commit: build.commit }) : identity("version", { version: build.version });
  return (
    <footer className="mt-auto">
      <section aria-labelledby="page-details-heading" className="gc-container py-6">
        <h2 id="page-details-heading" className="sr-only">
          {identity("pageDetails")}
        </h2>
        <ReportProblem />
        <dl className="mt-4 text-base" data-testid="date-modified">
          {build.date && (
            <div className="flex gap-1">
              <dt>{identity("dateModified")}</dt>
              <dd>
                <time dateTime={build.date}>{build.date}</time>
              </dd>
            </div>
          )}
          <div className="flex gap-1">
            <dt className="sr-only">{identity("versionLabel")}</dt>
            <dd className="text-gc-secondary">{version}</dd>
          </div>
        </dl>
      </section>
      <div className="bg-gc-primary text-white">
        <div className="gc-container grid gap-2 py-6 text-sm sm:grid-cols-2">
          <div>
            <p className="font-heading text-base font-bold">{t("portalName")}</p>
            <p>{t("footerAbout")}</p>
          </div>
          <div>
            <p>{t("footerPillars")}</p>
            <p>{t("footerSupport")}</p>
            <p>{t("footerTerms")}</p>
            <p>
              <Link href="/about" className="text-white hover:text-white">
                {t("aboutLink")}
              </Link>
            </p>
          </div>
        </div>
      </div>
      <div className="bg-gc-light">
        <div className="gc-container flex flex-wrap items-center justify-between gap-4 py-4">
          <nav aria-label={identity("noticesNavigation")} className="no-print">
            <ul className="flex flex-wrap gap-x-6 gap-y-2 text-base">
              <li>
                <Link href="/privacy">{identity("privacyLink")}</Link>
              </li>
              <li>
                <Link href="/accessibility">{identity("accessibilityLink")}</Link>
              </li>
              <li>
                <Link href="/terms">{identity("termsLink")}</Link>
              </li>
            </ul>
          </nav>
          <div className="ml-auto">
            <CanadaWordmark locale={locale} title={t("canadaWordmark")} />
          </div>
        </div>
      </div>
    </footer>
  );
}
