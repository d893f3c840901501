/**
 * A path whose percent-encoding cannot be decoded (`/en/initiatives/%E0%A4%A`: a cut-off UTF-8 sequence, or a
 * lone `%`). Next's router and next-intl decode paths and fail on these with a bare "Internal Server Error", so
 * the proxy catches them first (proxy.ts) and shows the portal's own "bad address" page instead.
 */
export function hasMalformedEncoding(pathname: string): boolean {
  for (const segment of pathname.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return true;
    }
  }
  return false;
}

/** The request header the proxy sets on its rewrite, so that the page answers only for a real malformed address. */
export const malformedPathHeader = "x-iwgtip-malformed-path";

/** Where the proxy sends such a request: the bad-address page in the path's language, else in English. */
export function badAddressPath(pathname: string, isLocale: (value: string) => boolean): string {
  const first = pathname.split("/")[1] ?? "";
  return `/${isLocale(first) ? first : "en"}/bad-address`;
}
