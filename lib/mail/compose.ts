import { createTranslator } from "next-intl";
import { catalogues } from "@/lib/i18n/catalogues";
import type { Locale } from "@/lib/i18n/routing";

/** One language's half of a notice. `path` is the page the notice is about, without the locale prefix. */
export type NoticeSection = {
  subject: string;
  greeting: string;
  paragraphs: string[];
  items?: string[];
  action: { label: string; path: string };
};

export type ComposedMessage = { subject: string; text: string; html: string };

/** The `Mail` namespace of the message catalogues, so mail is translated like every screen. */
export function mailTranslator(locale: Locale) {
  return createTranslator({ locale, messages: catalogues[locale], namespace: "Mail" });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;

/**
 * A bilingual message, the recipient's language first then the other (the federal practice for official
 * communications), as plain text and HTML. Each half links to the page in its own language.
 */
export function composeBilingual({
  language,
  baseUrl,
  section,
  footerUrl = (locale) => pageUrl(baseUrl, locale, "/profile"),
}: {
  language: Locale;
  baseUrl: string;
  section: (locale: Locale, t: MailTranslator) => NoticeSection;
  /** Where people choose their notices, linked from the footer. */
  footerUrl?: (locale: Locale) => string;
}): ComposedMessage {
  const order: Locale[] = language === "fr" ? ["fr", "en"] : ["en", "fr"];
  const halves = order.map((locale) => {
    const t = mailTranslator(locale);
    return { locale, t, section: section(locale, t), footer: t("footer", { url: footerUrl(locale) }) };
  });
  const [first, second] = halves as [(typeof halves)[number], (typeof halves)[number]];
  const subject = `${first.section.subject} / ${second.section.subject}`;

  const text = [
    second.t("thisLanguageFollows"),
    "",
    textHalf(first.section, first.locale, baseUrl),
    "",
    "-----",
    "",
    textHalf(second.section, second.locale, baseUrl),
    "",
    "-----",
    first.footer,
    second.footer,
  ].join("\n");

  const html = [
    "<!DOCTYPE html>",
    `<html lang="${first.locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #333">',
    `<p lang="${second.locale}"><em>${escapeHtml(second.t("thisLanguageFollows"))}</em></p>`,
    htmlHalf(first.section, first.locale, baseUrl),
    "<hr>",
    htmlHalf(second.section, second.locale, baseUrl),
    "<hr>",
    `<p lang="${first.locale}"><small>${escapeHtml(first.footer)}</small></p>`,
    `<p lang="${second.locale}"><small>${escapeHtml(second.footer)}</small></p>`,
    "</body></html>",
  ].join("\n");

  return { subject, text, html };
}

export function pageUrl(baseUrl: string, locale: Locale, path: string): string {
  return `${baseUrl}/${locale}${path.startsWith("/") ? path : `/${path}`}`;
}

function textHalf(section: NoticeSection, locale: Locale, baseUrl: string): string {
  const lines = [section.greeting, "", ...section.paragraphs.flatMap((paragraph) => [paragraph, ""])];
  if (section.items?.length) lines.push(...section.items.map((item) => `- ${item}`), "");
  lines.push(`${section.action.label}: ${pageUrl(baseUrl, locale, section.action.path)}`);
  return lines.join("\n");
}

function htmlHalf(section: NoticeSection, locale: Locale, baseUrl: string): string {
  const parts = [`<div lang="${locale}">`, `<p>${escapeHtml(section.greeting)}</p>`];
  parts.push(...section.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`));
  if (section.items?.length) parts.push(`<ul>${section.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`);
  parts.push(`<p><a href="${escapeHtml(pageUrl(baseUrl, locale, section.action.path))}">${escapeHtml(section.action.label)}</a></p>`, "</div>");
  return parts.join("\n");
}

export function escapeHtml(value: string): string {
  return value.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
