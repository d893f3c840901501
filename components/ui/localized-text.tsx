import { getTranslations } from "next-intl/server";
import type { LocalizedText as Localized } from "@/lib/i18n/localized";

/** User-written text in the page's language, or the other language with a visible marker. */
export async function LocalizedText({ value, as: Tag = "span" }: { value: Localized | null; as?: "span" | "p" | "div" }) {
  if (!value) return null;
  const t = await getTranslations("Content");
  if (!value.fallback) return <Tag>{value.text}</Tag>;
  return (
    <Tag lang={value.lang}>
      {value.text} <span className="text-sm text-gc-secondary">{value.lang === "en" ? t("englishOnly") : t("frenchOnly")}</span>
    </Tag>
  );
}
