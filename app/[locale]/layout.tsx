import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { isLocale, locales } from "@/lib/i18n/routing";
import { lato, notoSans } from "../fonts";
import "../globals.css";

export function generateStaticParams() {
  return locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: LayoutProps<"/[locale]">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "Metadata" });
  return { title: { default: t("title"), template: `%s | ${t("title")}` }, description: t("description") };
}

export default async function LocaleLayout({ children, params }: LayoutProps<"/[locale]">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  return (
    <html lang={locale} className={`${notoSans.variable} ${lato.variable}`}>
      {/* No NextIntlClientProvider here: only the segments whose client components translate have one (ClientMessagesLayout). */}
      <body className="flex min-h-screen flex-col">{children}</body>
    </html>
  );
}
