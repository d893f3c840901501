import { createElement, type ComponentProps } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import PortalError from "@/app/[locale]/(portal)/error";
import { RequestIdProvider, type ErrorText } from "@/components/shell/request-id";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/digest";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";

/** The error page of the portal (issue 8, point 8): the reference support needs, never the error itself. */
function render(locale: "en" | "fr", error: Error & { digest?: string }) {
  // The words come from the portal layout, as the server renders them; "{digest}" is left for the page to fill.
  const { Errors } = locale === "en" ? en : fr;
  const errorText: ErrorText = {
    title: Errors.errorTitle,
    body: Errors.errorBody,
    unavailableTitle: Errors.unavailableTitle,
    unavailableBody: Errors.unavailableBody,
    tryAgain: Errors.tryAgain,
    reference: Errors.reference,
  };
  const page = createElement(PortalError, { error, reset: () => {} });
  // Children go as the third argument; the cast only tells TypeScript that they are there.
  return renderToStaticMarkup(createElement(RequestIdProvider, { requestId: "req-0f1e2d3c", errorText } as ComponentProps<typeof RequestIdProvider>, page));
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

  it("says the service is unavailable when the database could not be reached, without the internal digest", () => {
    const outage = Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { digest: DATABASE_UNAVAILABLE_DIGEST });
    for (const locale of ["en", "fr"] as const) {
      const html = render(locale, outage);
      expect(html).toContain((locale === "en" ? en : fr).Errors.unavailableTitle);
      expect(html).toContain("req-0f1e2d3c");
      expect(html).not.toContain(DATABASE_UNAVAILABLE_DIGEST);
      expect(html).not.toContain("ECONNREFUSED");
    }
  });
});
