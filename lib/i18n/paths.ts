import type { Locale } from "./routing";

/** A portal path without its language prefix, e.g. "/initiatives", or with its query. */
export type Href = string | { pathname?: string | null; query?: Record<string, unknown> | string | null; [key: string]: unknown };

/** The query of an href object as next-intl wrote it: arrays repeat the name, undefined values are left out. */
function search(query: Record<string, unknown> | string | null | undefined): string {
  if (!query) return "";
  if (typeof query === "string") return query ? `?${query.replace(/^\?/, "")}` : "";
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((item) => params.append(name, String(item)));
    else if (value !== undefined && value !== null) params.set(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** `/initiatives` in French → `/fr/initiatives`; links elsewhere are left alone. */
export function withLocale(pathname: string, locale: Locale): string {
  return pathname.startsWith("/") ? `/${locale}${pathname === "/" ? "" : pathname}` : pathname;
}

/** The URL of a portal page in a language: "/fr/action-items?view=all". */
export function localizedPath(href: Href, locale: Locale): string {
  if (typeof href === "string") return withLocale(href, locale);
  return withLocale(href.pathname ?? "/", locale) + search(href.query);
}
