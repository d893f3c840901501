import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { PortalFrame } from "@/components/shell/portal-frame";
import { malformedPathHeader } from "@/lib/http/malformed-path";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/bad-address">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "BadAddress" });
  return { title: t("title") };
}

/**
 * The answer (status 400) to an address whose percent-encoding is broken: the proxy rewrites such requests here
 * (lib/http/malformed-path.ts). Opened directly, without the proxy's mark, the page does not exist.
 */
export default async function BadAddressPage({ params }: PageProps<"/[locale]/bad-address">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const requestHeaders = await headers();
  if (requestHeaders.get(malformedPathHeader) !== "1") notFound();
  const requestId = requestHeaders.get("x-request-id");
  const t = await getTranslations("BadAddress");
  const errors = await getTranslations("Errors");
  return (
    <PortalFrame>
      <h1>{t("title")}</h1>
      <p>{t("body")}</p>
      {requestId && <p className="text-sm text-gc-secondary" data-testid="request-reference">{errors("reference", { digest: requestId })}</p>}
      <p>
        <Link href="/">{errors("backHome")}</Link>
      </p>
    </PortalFrame>
  );
}
