import { getTranslations } from "next-intl/server";

export async function SkipLink() {
  const t = await getTranslations("Shell");
  return (
    <a
      href="#main-content"
      data-skip-link
      className="absolute left-2 top-2 z-50 -translate-y-24 bg-gc-primary px-4 py-2 font-semibold text-white focus:translate-y-0"
    >
      {t("skipToMain")}
    </a>
  );
}
