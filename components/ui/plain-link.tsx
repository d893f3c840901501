import type { AnchorHTMLAttributes } from "react";
import { localizedPath, type Href } from "@/lib/i18n/paths";
import type { Locale } from "@/lib/i18n/routing";

/**
 * A link to a portal page as a plain anchor, for the many links of data tables (a dashboard has about a hundred).
 * The client `Link` is a client component: each one is serialized into the page's RSC payload, rendered through
 * the client runtime on the server, hydrated in the browser and, when visible, prefetched with a request of its
 * own. A plain anchor costs none of that; following it loads the page normally. Navigation links of the shell keep
 * the client `Link`.
 */
export function PlainLink({ href, locale, ...props }: Omit<AnchorHTMLAttributes<HTMLAnchorElement>, "href"> & { href: Href; locale: Locale }) {
  return <a href={localizedPath(href, locale)} {...props} />;
}
