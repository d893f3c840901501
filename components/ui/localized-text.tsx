import { contentTranslator } from "@/lib/i18n/catalogues";
import type { LocalizedText as Localized } from "@/lib/i18n/localized";

/**
 * User-written text in the page's language, or the other language with a visible marker. `needsReview`: the
 * source changed after this text's other language was translated or verified (issue 21), said where it appears.
 */
export function LocalizedText({ value, as: Tag = "span", needsReview = false }: { value: Localized | null; as?: "span" | "p" | "div"; needsReview?: boolean }) {
  if (!value) return null;
  const review = needsReview ? <ReviewMarker lang={value.fallback ? (value.lang === "en" ? "fr" : "en") : value.lang} /> : null;
  // In the page's language, inline text needs no element of its own (tables show one per row).
  if (!value.fallback) {
    if (!review) return Tag === "span" ? value.text : <Tag>{value.text}</Tag>;
    return (
      <Tag>
        {value.text} {review}
      </Tag>
    );
  }
  // Synchronous, like HealthBadge (one per table row). A fallback is in the other language than the page's.
  const t = contentTranslator(value.lang === "en" ? "fr" : "en");
  return (
    <Tag lang={value.lang}>
      {value.text} <span className="text-sm text-gc-secondary">{value.lang === "en" ? t("englishOnly") : t("frenchOnly")}</span>
      {review && <> {review}</>}
    </Tag>
  );
}

/** "(translation needs review)" in the page's language `lang`. */
function ReviewMarker({ lang }: { lang: "en" | "fr" }) {
  const t = contentTranslator(lang);
  return (
    <span lang={lang} className="text-sm text-gc-secondary" data-testid="needs-review">
      {t("needsReview")}
    </span>
  );
}
