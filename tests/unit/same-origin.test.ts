import { describe, expect, it } from "vitest";
import { crossSiteRefusal, isCrossSiteWrite } from "@/lib/security/same-origin";

const request = (method: string, headers: Record<string, string>) => ({ method, headers: new Headers({ host: "portal.example.gc.ca", ...headers }) });

describe("cross-site requests", () => {
  it("refuses a write whose Origin is another site, or null", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { origin: "https://portal.example.gc.ca.evil.example" }))).toBe(true);
    expect(isCrossSiteWrite(request("DELETE", { origin: "null" }))).toBe(true);
    expect(isCrossSiteWrite(request("PUT", { origin: "not a url" }))).toBe(true);
  });

  it("refuses a write the browser marks as cross-site or same-site (another subdomain)", () => {
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "cross-site" }))).toBe(true);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "same-site", origin: "https://portal.example.gc.ca" }))).toBe(true);
  });

  it("lets through writes from the portal itself, behind a proxy too, and requests from no browser page", () => {
    expect(isCrossSiteWrite(request("POST", { origin: "https://portal.example.gc.ca", "sec-fetch-site": "same-origin" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", { origin: "https://PORTAL.example.gc.ca" }))).toBe(false);
    expect(isCrossSiteWrite({ method: "POST", headers: new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "portal.example.gc.ca", origin: "https://portal.example.gc.ca" }) })).toBe(false);
    expect(isCrossSiteWrite(request("POST", { "sec-fetch-site": "none" }))).toBe(false);
    expect(isCrossSiteWrite(request("POST", {}))).toBe(false);
  });

  it("never refuses a read, whatever its origin", () => {
    for (const method of ["GET", "HEAD", "OPTIONS", "get"]) expect(isCrossSiteWrite(request(method, { origin: "https://evil.example", "sec-fetch-site": "cross-site" }))).toBe(false);
  });

  it("answers 403 in both languages with the request's reference", async () => {
    const response = crossSiteRefusal("req-12345678");
    expect(response.status).toBe(403);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.text();
    expect(body).toContain("another site");
    expect(body).toContain("autre site");
    expect(body).toContain("req-12345678");
  });
});
