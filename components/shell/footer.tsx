import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";

export async function Footer() {
  const t = await getTranslations("Shell");
  return (
    <footer className="mt-auto bg-gc-primary text-white">
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
      <div className="bg-gc-dark">
        <p className="gc-container py-3 text-right font-heading font-bold">{t("gcSignature")}</p>
      </div>
    </footer>
  );
}
