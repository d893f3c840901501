import { subscribe } from "node:diagnostics_channel";
import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import type { BlockList } from "node:net";
import { isTrustedProxy, normaliseAddress } from "@/lib/auth/client-address";

/**
 * What the guard found about the connection a request came in on: `trusted` (one of TRUSTED_PROXIES) or
 * `direct` (anyone else). Set by the guard alone (a client's own header of this name is removed first), so a
 * request without it never went through the guard and nothing it claims is believed.
 */
export const peerHeader = "x-portal-peer";

export type Peer = "trusted" | "direct";

/**
 * Decides, from the TCP peer of the connection, which forwarded headers of a request may be believed, before
 * Next.js or the portal sees them. Next.js keeps a client's X-Forwarded-For as it is and only fills it with the
 * socket's address when absent, so without this a client could write any address (to escape the per-address
 * throttle, block someone else's address, forge the audit trail) and choose its own request id.
 *
 * - From a trusted proxy: the proxy's X-Forwarded-For and X-Request-Id are kept, and the proxy's own address is
 *   appended, as any proxy would; the client is then the right-most entry that is not a trusted proxy.
 * - From anyone else: X-Forwarded-For becomes the socket's address alone and X-Request-Id is dropped (the
 *   portal's proxy then makes its own).
 */
export function guardForwardedHeaders(headers: IncomingHttpHeaders, remoteAddress: string | undefined, trusted: BlockList): Peer {
  delete headers[peerHeader];
  const peer = normaliseAddress(remoteAddress ?? "");
  const fromProxy = peer !== "" && isTrustedProxy(peer, trusted);
  if (fromProxy) {
    const forwarded = [headers["x-forwarded-for"]].flat().filter(Boolean).join(", ");
    headers["x-forwarded-for"] = forwarded ? `${forwarded}, ${peer}` : peer;
  } else {
    if (peer) headers["x-forwarded-for"] = peer;
    else delete headers["x-forwarded-for"];
    delete headers["x-request-id"];
  }
  const verdict: Peer = fromProxy ? "trusted" : "direct";
  headers[peerHeader] = verdict;
  return verdict;
}

const installed = Symbol.for("iwgtip.peerGuard");

/**
 * Applies guardForwardedHeaders to every request this process's HTTP servers receive, through Node's
 * `http.server.request.start` diagnostics channel, which runs before any `request` listener (Next.js's
 * included). Once per process.
 */
export function installPeerGuard(trusted: BlockList): void {
  const registry = globalThis as { [installed]?: true };
  if (registry[installed]) return;
  registry[installed] = true;
  subscribe("http.server.request.start", (message) => {
    const { request } = message as { request: IncomingMessage };
    guardForwardedHeaders(request.headers, request.socket.remoteAddress, trusted);
  });
}

/** The peer verdict of a request as the guard left it, or null when the guard never saw it. */
export function peerOf(headers: { get(name: string): string | null }): Peer | null {
  const value = headers.get(peerHeader);
  return value === "trusted" || value === "direct" ? value : null;
}
