import { Suspense } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { LanguageToggle } from "./language-toggle";

/** The Government of Canada signature, the portal's name and the language toggle. */
export async function Header({ children }: { children?: React.ReactNode }) {
  const t = await getTranslations("Shell");
  return (
    <header className="border-b border-gc-border">
      <div className="gc-container flex flex-wrap items-center justify-between gap-2 py-3">
        <p className="font-heading text-lg font-bold" data-testid="gc-signature">
          {t("gcSignature")}
        </p>
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
