import { Suspense } from "react";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { GcSignature } from "./gc-marks";
import { LanguageToggle } from "./language-toggle";

/** The Government of Canada signature, the portal's name and the language toggle. */
export async function Header({ children }: { children?: React.ReactNode }) {
  const t = await getTranslations("Shell");
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  const [en, fr] = await Promise.all([getTranslations({ locale: "en", namespace: "Shell" }), getTranslations({ locale: "fr", namespace: "Shell" })]);
  return (
    <header className="border-b border-gc-border">
      <div className="gc-container flex flex-wrap items-center justify-between gap-2 py-3">
        <GcSignature locale={locale} names={{ en: en("gcSignature"), fr: fr("gcSignature") }} />
        <div className="no-print">
          <Suspense>
            <LanguageToggle text={t("languageToggle")} label={t("languageToggleLabel")} />
          </Suspense>
        </div>
      </div>
      <div className="bg-gc-primary text-white">
        <div className="gc-container flex flex-wrap items-center justify-between gap-3 py-3">
          <Link href="/" className="text-white no-underline hover:text-white hover:underline">
            <span className="block font-heading text-xl font-bold">{t("portalShortName")}</span>
            <span className="block text-sm">{t("portalName")}</span>
          </Link>
          {children}
        </div>
      </div>
    </header>
  );
}
