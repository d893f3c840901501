import { describe, expect, it } from "vitest";
import { localizedPath, withLocale } from "@/lib/i18n/paths";

describe("localized paths (links and redirects without next-intl's navigation)", () => {
  it("prefixes a portal path with its language, the home page included", () => {
    expect(withLocale("/initiatives", "fr")).toBe("/fr/initiatives");
    expect(withLocale("/", "en")).toBe("/en");
  });

  it("leaves other links alone", () => {
    expect(withLocale("https://canada.ca", "fr")).toBe("https://canada.ca");
    expect(withLocale("#main", "en")).toBe("#main");
  });

  it("writes the query as next-intl did: repeated names for arrays, nothing for undefined", () => {
    expect(localizedPath({ pathname: "/action-items", query: { view: "all", created: "1" } }, "en")).toBe("/en/action-items?view=all&created=1");
    expect(localizedPath({ pathname: "/initiatives", query: { pillar: ["A", "B"], q: undefined } }, "fr")).toBe("/fr/initiatives?pillar=A&pillar=B");
    expect(localizedPath({ pathname: "/sign-in", query: {} }, "en")).toBe("/en/sign-in");
    expect(localizedPath({ pathname: "/sign-in", query: { callbackUrl: "/en/dashboard?x=1" } }, "en")).toBe("/en/sign-in?callbackUrl=%2Fen%2Fdashboard%3Fx%3D1");
  });
});
