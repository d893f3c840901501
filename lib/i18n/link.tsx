"use client";

import NextLink from "next/link";
import { useParams, useRouter as useNextRouter } from "next/navigation";
import { useMemo, type ComponentProps } from "react";
import { localizedPath, withLocale, type Href } from "./paths";
import { isLocale, routing, type Locale } from "./routing";

/** The language of the page being shown, from the route's [locale] segment. */
export function usePageLocale(): Locale {
  const params = useParams<{ locale?: string }>();
  return isLocale(params?.locale) ? params.locale : routing.defaultLocale;
}

/**
 * A link to a page of the portal, written without the language prefix: the page's language, or `locale`, is
 * added. Made on next/link alone, so that pages that link ship none of next-intl's client code (and its message
 * formatter with it).
 */
export function Link({ href, locale, ...props }: Omit<ComponentProps<typeof NextLink>, "locale"> & { locale?: Locale }) {
  const pageLocale = usePageLocale();
  const target = locale ?? pageLocale;
  const localized = typeof href === "string" ? withLocale(href, target) : { ...href, pathname: withLocale(href.pathname ?? "/", target) };
  return <NextLink href={localized} {...props} />;
}

/** Next's router, whose push and replace take paths without the language prefix. */
export function useRouter() {
  const router = useNextRouter();
  const locale = usePageLocale();
  return useMemo(
    () => ({
      ...router,
      push: (href: Href) => router.push(localizedPath(href, locale)),
      replace: (href: Href) => router.replace(localizedPath(href, locale)),
    }),
    [router, locale],
  );
}
