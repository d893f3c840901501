import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { ssoProviderId } from "@/lib/auth/options";
import { getCurrentUser } from "@/lib/auth/session";
import { env, oidcSettings } from "@/lib/env";
import { isLocale } from "@/lib/i18n/routing";
import { SignInForm } from "@/components/auth/sign-in-form";
import { SsoButton } from "@/components/auth/sso-button";
import { PortalFrame } from "@/components/shell/portal-frame";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: PageProps<"/[locale]/sign-in">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "SignIn" });
  return { title: t("title") };
}

export default async function SignInPage({ params, searchParams }: PageProps<"/[locale]/sign-in">) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const query = await searchParams;
  const callbackUrl = safeCallbackUrl(query.callbackUrl, locale, env().NEXTAUTH_URL);
  // Already signed in: straight on. A database outage here just shows the form.
  const user = await getCurrentUser("ownAccount").catch(() => null);
  if (user) redirect(callbackUrl);

  const t = await getTranslations("SignIn");
  const sso = oidcSettings();
  // next-auth sends a refused or failed single sign-on back here with ?error=.
  const ssoError = typeof query.error === "string" ? (query.error === "AccessDenied" ? t("ssoAccessDenied") : t("ssoFailed")) : null;
  return (
    <PortalFrame>
      <h1>{t("title")}</h1>
      {query.signedOut && (
        <p role="status" className="mb-4 border-l-4 border-health-green bg-gc-light p-3">
          {t("signedOut")}
        </p>
      )}
      {ssoError && (
        <p role="alert" className="mb-4 border-l-4 border-gc-danger bg-white p-3">
          {ssoError}
        </p>
      )}
      {sso && (
        <div className="mb-8">
          <SsoButton providerId={ssoProviderId} callbackUrl={callbackUrl} label={sso.name ? t("ssoNamed", { name: sso.name }) : t("sso")} />
          <p className="mt-6 mb-0">{t("or")}</p>
        </div>
      )}
      {!sso && <p className="mb-6 max-w-2xl">{t("intro")}</p>}
      {/* Without a page to return to, the portal opens in the person's preferred language. */}
      <SignInForm callbackUrl={callbackUrl} followPreferredLanguage={typeof query.callbackUrl !== "string"} />
    </PortalFrame>
  );
}
