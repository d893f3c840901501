import "server-only";
import { createTranslator } from "next-intl";
import type { Locale } from "@/lib/i18n/routing";

/** A translation function as the export builders use it (keys of one namespace, ICU values). */
export type Translate = (key: string, values?: Record<string, string | number>) => string;

/**
 * The plain translator of one namespace, for files: a download may be asked for in a language other than the
 * request's, and route handlers run outside the page's next-intl request config.
 */
export async function exportTranslator(locale: Locale, namespace: string): Promise<Translate> {
  const messages = (await import(`../../messages/${locale}.json`)).default;
  return createTranslator({ locale, messages, namespace }) as unknown as Translate;
}
