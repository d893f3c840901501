import { NextIntlClientProvider } from "next-intl";

/**
 * The layout of the segments whose client components translate (forms, the agenda builder, sign-in): it hands them
 * the messages and next-intl's client code. Reading pages (dashboards, lists, an initiative, about) do without it, so
 * their first JavaScript holds no message formatter: a client component there gets its words from the server.
 */
export function ClientMessagesLayout({ children }: { children: React.ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
