import { describe, expect, it } from "vitest";
import nextConfig from "@/next.config";
import { baseSecurityHeaders, createNonce, nonPageContentSecurityPolicy, pageContentSecurityPolicy, strictTransportSecurity } from "@/lib/security/headers";

describe("the page Content-Security-Policy", () => {
  it("lets scripts run only with the response's nonce", () => {
    const policy = pageContentSecurityPolicy("abc123");
    expect(policy).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(policy).not.toContain("unsafe-inline' 'nonce");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(policy).not.toContain("unsafe-eval");
  });

  it("forbids framing and foreign form targets", () => {
    const policy = pageContentSecurityPolicy("n");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("object-src 'none'");
  });

  it("allows eval only in development", () => {
    expect(pageContentSecurityPolicy("n", { development: true })).toContain("'unsafe-eval'");
  });
});

describe("nonces", () => {
  it("are fresh every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, () => createNonce()));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});

describe("the headers every response carries (next.config.ts)", () => {
  it("are strict", () => {
    expect(baseSecurityHeaders).toMatchObject({
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
      "Referrer-Policy": "strict-origin-when-cross-origin",
    });
    expect(baseSecurityHeaders["Permissions-Policy"]).toMatch(/camera=\(\).*microphone=\(\).*geolocation=\(\)/);
    expect(strictTransportSecurity).toBe("max-age=31536000; includeSubDomains");
    expect(nonPageContentSecurityPolicy).toContain("default-src 'none'");
    expect(nonPageContentSecurityPolicy).toContain("frame-ancestors 'none'");
  });

  it("go on every path, the CSP of non-pages on every route handler, and HSTS whenever the request came over HTTPS", async () => {
    const rules = await nextConfig.headers!();
    const everywhere = rules.find((rule) => rule.source === "/:path*" && !rule.has);
    expect(Object.fromEntries(everywhere!.headers.map(({ key, value }) => [key, value]))).toEqual(baseSecurityHeaders);
    const api = rules.find((rule) => rule.source === "/api/:path*");
    expect(api!.headers).toContainEqual({ key: "Content-Security-Policy", value: nonPageContentSecurityPolicy });
    const hsts = rules.find((rule) => rule.headers.some(({ key }) => key === "Strict-Transport-Security"));
    expect(hsts).toMatchObject({ source: "/:path*", has: [{ type: "header", key: "x-forwarded-proto", value: "https" }] });
  });
});
