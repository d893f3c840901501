import { redirect as nextRedirect } from "next/navigation";
import { localizedPath, type Href } from "./paths";
import type { Locale } from "./routing";

/**
 * Locale-aware links, redirects and paths: paths are written without the /en or /fr prefix. Made on Next's own
 * navigation rather than next-intl's createNavigation, whose server Link and client hooks would put next-intl's
 * client code (with its message formatter) in the JavaScript of every page that links.
 */
export { Link, useRouter } from "./link";

/** "/dashboard" in French → "/fr/dashboard" (e.g. a form's action). */
export function getPathname({ href, locale }: { href: Href; locale: Locale }): string {
  return localizedPath(href, locale);
}

/** Redirects to a portal page in a language (server components, actions). */
export function redirect({ href, locale }: { href: Href; locale: Locale }): never {
  return nextRedirect(localizedPath(href, locale));
}
