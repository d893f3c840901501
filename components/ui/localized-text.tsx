import { contentTranslator } from "@/lib/i18n/catalogues";
import type { LocalizedText as Localized } from "@/lib/i18n/localized";

/** User-written text in the page's language, or the other language with a visible marker. */
export function LocalizedText({ value, as: Tag = "span" }: { value: Localized | null; as?: "span" | "p" | "div" }) {
  if (!value) return null;
  // In the page's language, inline text needs no element of its own (tables show one per row).
  if (!value.fallback) return Tag === "span" ? value.text : <Tag>{value.text}</Tag>;
  // Synchronous, like HealthBadge (one per table row). A fallback is in the other language than the page's.
  const t = contentTranslator(value.lang === "en" ? "fr" : "en");
  return (
    <Tag lang={value.lang}>
      {value.text} <span className="text-sm text-gc-secondary">{value.lang === "en" ? t("englishOnly") : t("frenchOnly")}</span>
    </Tag>
  );
}
