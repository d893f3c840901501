import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { LocalizedText } from "@/components/ui/localized-text";
import { pickLocalized } from "@/lib/i18n/localized";

/** The one-language marker, extended (issue 21) with "needs review" where a text's source changed after translation. */
const render = (locale: "en" | "fr", en: string, fr: string, needsReview = false) => renderToStaticMarkup(createElement(LocalizedText, { value: pickLocalized(locale, en, fr), needsReview }));

describe("LocalizedText", () => {
  it("draws the text alone when it is in the page's language and nothing needs review", () => {
    expect(render("en", "Tool kit", "Trousse")).toBe("Tool kit");
  });

  it("says the translation needs review, in the page's language", () => {
    expect(render("en", "Tool kit", "Trousse", true)).toBe('<span>Tool kit <span lang="en" class="text-sm text-gc-secondary" data-testid="needs-review">(translation needs review)</span></span>');
    expect(render("fr", "Tool kit", "Trousse", true)).toBe('<span>Trousse <span lang="fr" class="text-sm text-gc-secondary" data-testid="needs-review">(traduction à revoir)</span></span>');
  });

  it("keeps the one-language marker and adds the review marker in the page's language", () => {
    const html = render("fr", "Tool kit", "", true);
    expect(html).toContain('<span lang="en">Tool kit <span class="text-sm text-gc-secondary">(English only)</span>');
    expect(html).toContain('lang="fr"');
    expect(html).toContain("(traduction à revoir)");
  });
});
