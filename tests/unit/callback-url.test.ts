import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/callback-url";

const origin = "https://iwgtip.example.gc.ca";

/** Where a browser on the sign-in page would really go with this value (what location.assign does). */
function browserDestination(value: string): URL {
  return new URL(value, `${origin}/en/sign-in`);
}

/** Values that try to leave the site or break the page (issue 17, point 3). */
const hostile = [
  "https://evil.example/",
  "http://iwgtip.example.gc.ca/en", // another origin: http, not https
  "https://iwgtip.example.gc.ca.evil.example/en",
  "https://iwgtip.example.gc.ca@evil.example/en",
  "https://user:pass@iwgtip.example.gc.ca/en",
  "//evil.example",
  "///evil.example",
  "/\\evil.example",
  "\\\\evil.example",
  "\\/evil.example",
  "/\t/evil.example",
  "/\n/evil.example",
  "/\r\n/evil.example",
  " //evil.example",
  "\u0000//evil.example",
  "/\u0000/evil.example",
  "/.//evil.example",
  "/./\\evil.example",
  "/en/..//evil.example",
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  " javascript:alert(1)",
  "java\tscript:alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "vbscript:msgbox(1)",
  "%2F%2Fevil.example", // relative: resolves under /en/, but is no page; still same-origin
  "/en/sign-in",
  "/fr/sign-in?callbackUrl=/fr",
  "/EN/SIGN-IN",
  "/en/%73ign-in",
  "https://evil.example%2F@iwgtip.example.gc.ca/",
  "http://[::1]/",
  "http://%65vil.example/",
  `/${"a".repeat(5000)}`,
  "",
  42,
  undefined,
  null,
  ["/en", "//evil.example"],
  { toString: () => "//evil.example" },
];

describe("the page to return to after signing in (issue 17, point 3)", () => {
  it("keeps a path, query and hash on this site", () => {
    expect(safeCallbackUrl("/fr/departments?x=1#top", "fr", origin)).toBe("/fr/departments?x=1#top");
    expect(safeCallbackUrl(`${origin}/en/meetings?page=2`, "en", origin)).toBe("/en/meetings?page=2");
    expect(safeCallbackUrl("/en/initiatives/../departments", "en", origin)).toBe("/en/departments");
  });

  it.each(hostile.map((value) => [JSON.stringify(value) ?? String(value), value] as const))("never leaves the site for %s", (_label, value) => {
    const result = safeCallbackUrl(value, "en", origin);
    expect(browserDestination(result).origin).toBe(origin);
    expect(result).toMatch(/^\/(?![\\/])/);
    expect(browserDestination(result).pathname).not.toMatch(/^\/(en|fr)\/sign-in/i);
  });

  it("sends the hostile values that used to pass to the home page of the language", () => {
    for (const value of ["/\t/evil.example", "/\n/evil.example", "/.//evil.example", "java\tscript:alert(1)", "/en/%73ign-in", "\u0000//evil.example"]) {
      expect(safeCallbackUrl(value, "fr", origin)).toBe("/fr");
    }
  });

  it("never throws and never leaves the site, whatever the string", () => {
    const pieces = fc.constantFrom("/", "\\", "//", "\t", "\n", "\r", "\u0000", "%2F", "%5C", "%", "%E0%A4%A", ":", "@", "?", "#", ".", "..", "evil.example", "javascript:", "en", "sign-in", " ", "\u2028", "é");
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 80 }), fc.array(pieces, { maxLength: 12 }).map((parts) => parts.join(""))), (value) => {
        const result = safeCallbackUrl(value, "en", origin);
        expect(browserDestination(result).origin).toBe(origin);
        expect(result).toMatch(/^\/(?![\\/])/);
      }),
      { numRuns: 2000 },
    );
  });
});
