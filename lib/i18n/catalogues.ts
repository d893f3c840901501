import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import fr from "@/messages/fr.json";
import type { Locale } from "./routing";

/** Both message catalogues, for text made outside a page's request scope (mail) or by synchronous components. */
export const catalogues = { en, fr } as const;

const healthTranslators = { en: createTranslator({ locale: "en", messages: en, namespace: "Health" }), fr: createTranslator({ locale: "fr", messages: fr, namespace: "Health" }) };
const contentTranslators = { en: createTranslator({ locale: "en", messages: en, namespace: "Content" }), fr: createTranslator({ locale: "fr", messages: fr, namespace: "Content" }) };

/**
 * Translators for the small components a table repeats on every row (the health badge, the "English only" marker).
 * The request's translator (`getTranslations`, or `useTranslations` on the server) is asynchronous: each instance
 * that awaits it becomes a chunk of its own in the page's RSC payload, rendered and streamed separately. These are
 * made once per language and used synchronously.
 */
export const healthTranslator = (locale: Locale) => healthTranslators[locale];
export const contentTranslator = (locale: Locale) => contentTranslators[locale];
