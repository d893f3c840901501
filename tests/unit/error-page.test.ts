import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { NextIntlClientProvider } from "next-intl";
import { describe, expect, it } from "vitest";
import PortalError from "@/app/[locale]/(portal)/error";
import { RequestIdProvider } from "@/components/shell/request-id";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/** The error page of the portal (issue 8, point 8): the reference support needs, never the error itself. */
function render(locale: "en" | "fr", error: Error & { digest?: string }) {
  const page = createElement(PortalError, { error, reset: () => {} });
  // Children go as the third argument; the casts only tell TypeScript that they are there.
  const withRequestId = createElement(RequestIdProvider, { requestId: "req-0f1e2d3c" } as ComponentProps<typeof RequestIdProvider>, page);
  const intl = { locale, messages: locale === "en" ? en : fr, timeZone: "America/Toronto" } as unknown as ComponentProps<typeof NextIntlClientProvider>;
  return renderToStaticMarkup(createElement(NextIntlClientProvider, intl, withRequestId));
}

describe("the portal's error page", () => {
  const error = Object.assign(new Error('insert into "initiatives" violates check constraint at /srv/portal/lib/db.ts:42'), { digest: "1234567890" });

  it("shows the request id and the digest, in the user's language, and neither the message nor the stack", () => {
    const english = render("en", error);
    expect(english).toContain("Something went wrong");
    expect(english).toContain("req-0f1e2d3c / 1234567890");
    const french = render("fr", error);
    expect(french).toContain(fr.Errors.errorTitle);
    expect(french).toContain("req-0f1e2d3c");
    for (const html of [english, french]) {
      expect(html).not.toContain("initiatives");
      expect(html).not.toContain("/srv/portal");
      expect(html).not.toContain(error.stack!.split("\n")[1]!.trim());
    }
  });
});
