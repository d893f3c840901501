import { BlockList, isIP } from "node:net";

/** The explicit value of TRUSTED_PROXIES for a portal that no reverse proxy stands in front of. */
export const noTrustedProxy = "none";

/**
 * Parses TRUSTED_PROXIES: addresses or CIDR ranges of the reverse proxies in front of the portal,
 * comma-separated ("10.0.0.0/8, 2001:db8::1"), or `none`. Throws on an entry that is neither.
 */
export function parseTrustedProxies(setting: string | undefined): BlockList {
  const list = new BlockList();
  const entries = (setting ?? "").split(",").map((part) => part.trim()).filter(Boolean);
  if (entries.length === 1 && entries[0]!.toLowerCase() === noTrustedProxy) return list;
  for (const entry of entries) {
    const [address = "", bits] = entry.split("/");
    const type = isIP(address) === 6 ? "ipv6" : isIP(address) === 4 ? "ipv4" : null;
    if (!type) throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range (or "${noTrustedProxy}" alone).`);
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

/**
 * The trusted proxies of this server. In production the setting is required, so that nobody runs the portal
 * behind a load balancer believing it is direct (every client would then share the balancer's address) or the
 * other way round: `none` says there is no proxy. Throws with a message for the operator.
 */
export function trustedProxiesSetting(environment: { NODE_ENV?: string; TRUSTED_PROXIES?: string }): BlockList {
  const setting = environment.TRUSTED_PROXIES?.trim() ?? "";
  if (environment.NODE_ENV === "production" && setting === "") {
    throw new Error(
      `TRUSTED_PROXIES is required in production: the addresses or CIDR ranges of the reverse proxies in front of the portal, or "${noTrustedProxy}" when clients connect to it directly.`,
    );
  }
  return parseTrustedProxies(setting);
}

export function normaliseAddress(entry: string): string {
  const address = entry.trim().replace(/^\[|\]$/g, "");
  return address.startsWith("::ffff:") && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

export function isTrustedProxy(address: string, trusted: BlockList): boolean {
  const version = isIP(address);
  return version !== 0 && trusted.check(address, version === 6 ? "ipv6" : "ipv4");
}

/**
 * The address a request came from, for throttling and the audit log. Each proxy appends the address
 * it received the request from to X-Forwarded-For, and Next.js fills the header with the socket's
 * address when no proxy did. Reading from the right and skipping our own trusted proxies, the first
 * other address is the client: whatever a client writes into the header itself stays to the left of
 * that and is never believed.
 */
export function clientAddress(forwardedFor: string | null | undefined, trusted: BlockList): string {
  const chain = (forwardedFor ?? "").split(",").map(normaliseAddress).filter(Boolean);
  if (chain.length === 0) return "unknown";
  for (let index = chain.length - 1; index >= 0; index -= 1) {
    if (!isTrustedProxy(chain[index]!, trusted)) return chain[index]!.slice(0, 64);
  }
  return chain[0]!.slice(0, 64);
}
