import { unstable_doesMiddlewareMatch } from "next/experimental/testing/server";
import { describe, expect, it, vi } from "vitest";
import { config } from "@/proxy";

// Only the proxy's matcher is under test; next-intl's middleware cannot load outside Next.
vi.mock("next-intl/middleware", () => ({ default: () => () => null }));

const runs = (url: string) => unstable_doesMiddlewareMatch({ config, url });

describe("what goes through the proxy (issue 17, point 10)", () => {
  it.each([
    "/en/initiatives/IWG-0007",
    "/en/initiatives/a.b",
    "/fr/departments/J.U.S",
    "/en/no-such-page.html",
    "/en/sign-in.php",
    "/api/meetings/00000000-0000-0000-0000-000000000000/ics",
    "/api/health.json",
    "/robots.txt",
    "/en/favicon.ico",
    "/favicon.ico.html",
    "/_next/static.evil",
    "/_next/imagery",
    "/_next/webpack-hmr",
    "/",
  ])("sends %s through the proxy (CSP, request id, cross-site check)", (url) => {
    expect(runs(url)).toBe(true);
  });

  it.each(["/_next/static/chunks/main.js", "/_next/static/media/gcds-lato.woff2", "/_next/static/css/app.css", "/_next/image", "/_next/image?url=%2Fx.png&w=64&q=75", "/favicon.ico"])(
    "leaves the static file %s alone",
    (url) => {
      expect(runs(url)).toBe(false);
    },
  );
});
