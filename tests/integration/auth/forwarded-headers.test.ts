import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies, trustedProxiesSetting } from "@/lib/auth/client-address";
import { authOptions } from "@/lib/auth/options";
import { guardForwardedHeaders, installPeerGuard, peerHeader } from "@/lib/security/peer-guard";

/** Sends one request from this process (peer 127.0.0.1) and answers the headers the server's handler saw. */
function headersSeen(server: Server, headers: Record<string, string>): Promise<IncomingHttpHeaders> {
  const { port } = server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const outgoing = httpRequest({ host: "127.0.0.1", port, headers }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk.toString()));
      response.on("end", () => resolve(JSON.parse(body) as IncomingHttpHeaders));
    });
    outgoing.on("error", reject);
    outgoing.end();
  });
}

describe("forwarded headers are believed only from a trusted proxy (issue 17, point 1)", () => {
  let server: Server;
  beforeAll(async () => {
    // TRUSTED_PROXIES=none: this process's own connections are direct clients.
    installPeerGuard(parseTrustedProxies("none"));
    server = createServer((request, response) => response.end(JSON.stringify(request.headers)));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("ignores a client's X-Forwarded-For and X-Request-Id entirely when no proxy is trusted", async () => {
    const seen = await headersSeen(server, { "X-Forwarded-For": "203.0.113.77, 198.51.100.3", "X-Request-Id": "chosen-by-the-client-0001", [peerHeader]: "trusted" });
    expect(seen["x-forwarded-for"]).toBe("127.0.0.1");
    expect(seen["x-request-id"]).toBeUndefined();
    expect(seen[peerHeader]).toBe("direct");
    expect(clientAddress(seen["x-forwarded-for"] as string, parseTrustedProxies("none"))).toBe("127.0.0.1");
  });

  it("keeps what a trusted proxy forwards, and the client is the address that proxy saw", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "6.6.6.6, 203.0.113.5", "x-request-id": "balancer-request-0001" };
    expect(guardForwardedHeaders(headers, "::ffff:10.0.0.2", trusted)).toBe("trusted");
    expect(headers["x-request-id"]).toBe("balancer-request-0001");
    expect(clientAddress(headers["x-forwarded-for"] as string, trusted)).toBe("203.0.113.5");
  });

  it("treats a connection from outside TRUSTED_PROXIES as the client, whatever it forwards", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8");
    const headers: IncomingHttpHeaders = { "x-forwarded-for": "10.0.0.9", "x-request-id": "forged-request-id-01" };
    expect(guardForwardedHeaders(headers, "198.51.100.20", trusted)).toBe("direct");
    expect(headers["x-forwarded-for"]).toBe("198.51.100.20");
    expect(headers["x-request-id"]).toBeUndefined();
  });

  it("gives the sign-in an unknown address for a request the guard never saw, never the header's", async () => {
    const credentials = authOptions().providers.find((provider) => provider.id === "credentials") as unknown as {
      options: { authorize: (credentials: unknown, request: { headers: Record<string, string> }) => Promise<unknown> };
    };
    const { db } = await import("@/lib/db");
    const claimed = `203.0.113.${Math.floor(Math.random() * 200) + 20}`;
    const unknownBefore = await db.signInAttempt.count({ where: { ip: "unknown" } });
    // Malformed credentials are refused before any account is read; the attempt is recorded with the address used.
    await credentials.options.authorize({ email: "not-an-email" }, { headers: { "x-forwarded-for": claimed } });
    expect(await db.signInAttempt.count({ where: { ip: claimed } })).toBe(0);
    expect(await db.signInAttempt.count({ where: { ip: "unknown" } })).toBe(unknownBefore + 1);
    // Once the guard has set the headers from the connection, its address is the one used.
    await credentials.options.authorize({ email: "not-an-email" }, { headers: { "x-forwarded-for": claimed, [peerHeader]: "direct" } });
    expect(await db.signInAttempt.count({ where: { ip: claimed } })).toBe(1);
  });

  it("refuses to run in production without TRUSTED_PROXIES, and accepts `none` as the explicit answer", () => {
    expect(() => trustedProxiesSetting({ NODE_ENV: "production" })).toThrow(/TRUSTED_PROXIES is required in production/);
    expect(() => trustedProxiesSetting({ NODE_ENV: "production", TRUSTED_PROXIES: "  " })).toThrow(/TRUSTED_PROXIES/);
    expect(() => trustedProxiesSetting({ NODE_ENV: "production", TRUSTED_PROXIES: "none" })).not.toThrow();
    expect(() => trustedProxiesSetting({ NODE_ENV: "development" })).not.toThrow();
    expect(() => parseTrustedProxies("none, 10.0.0.1")).toThrow(/TRUSTED_PROXIES/);
  });
});
