import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";

describe("the client's address behind proxies", () => {
  it("takes the address Next.js saw when there is no proxy", () => {
    expect(clientAddress("203.0.113.5", parseTrustedProxies(""))).toBe("203.0.113.5");
    expect(clientAddress("::ffff:203.0.113.5", parseTrustedProxies(""))).toBe("203.0.113.5");
    expect(clientAddress(undefined, parseTrustedProxies(""))).toBe("unknown");
  });

  it("is not fooled by addresses a client writes into X-Forwarded-For itself", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    // The client sent "6.6.6.6"; the load balancer 10.0.0.2 appended the address it really came from.
    expect(clientAddress("6.6.6.6, 203.0.113.5, 10.0.0.2", trusted)).toBe("203.0.113.5");
    // Without a trusted proxy, only the right-most (appended) entry is believed.
    expect(clientAddress("6.6.6.6, 203.0.113.5", parseTrustedProxies(""))).toBe("203.0.113.5");
  });

  it("skips every trusted proxy in a chain, IPv4 and IPv6", () => {
    const trusted = parseTrustedProxies("10.0.0.1, 2001:db8::/32");
    expect(clientAddress("198.51.100.9, 2001:db8::7, 10.0.0.1", trusted)).toBe("198.51.100.9");
  });

  it("refuses a setting that is not an address or range", () => {
    expect(() => parseTrustedProxies("10.0.0.1, load-balancer")).toThrow(/TRUSTED_PROXIES/);
  });
});
