import { describe, expect, it } from "vitest";
import { createNonce, pageContentSecurityPolicy } from "@/lib/security/headers";

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
