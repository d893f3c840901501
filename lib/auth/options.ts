import "server-only";
import type { NextAuthOptions } from "next-auth";
import type { OAuthConfig } from "next-auth/providers/oauth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env, oidcSettings } from "@/lib/env";
import type { BlockList } from "node:net";
import { peerHeader } from "@/lib/security/peer-guard";
import { clientAddress, trustedProxiesSetting } from "./client-address";
import { extendSession, type SessionUpdateRequest } from "./session-extension";
import { startSession } from "./sessions";
import { authorizeCredentials, recordSignOut } from "./sign-in";
import { matchSsoIdentity } from "./sso-link";

export { authorizeCredentials } from "./sign-in";

type HeaderBag = Record<string, string | string[] | undefined> | Headers | undefined;

function header(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined;
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value.join(",") : (value ?? undefined);
}

/**
 * The client's address from the forwarded headers, believed only once the peer guard has set them from the
 * connection (lib/security/peer-guard.ts); a request it never saw counts as "unknown", never as what it claims.
 */
function requestAddress(headers: HeaderBag, trustedProxies: BlockList): string {
  const peer = header(headers, peerHeader);
  if (peer !== "trusted" && peer !== "direct") return "unknown";
  return clientAddress(header(headers, "x-forwarded-for"), trustedProxies);
}

/** The provider id of single sign-on, used by the sign-in button. */
export const ssoProviderId = "oidc";

/** What profile() answers for a person without a portal account (next-auth requires some id). */
const noMatchingAccount = "no-matching-account";

type OidcClaims = { iss?: string; sub: string; oid?: string; email?: string; email_verified?: boolean; xms_edov?: boolean; name?: string };

/**
 * next-auth's configuration, built per request. `request` is the request being handled by the auth
 * route: profile() of single sign-on does not receive it, and its address goes to the audit log.
 */
export function authOptions(request?: { headers: Headers }): NextAuthOptions {
  const settings = env();
  const trustedProxies = trustedProxiesSetting(settings);
  const oidc = oidcSettings();
  const ssoAddress = requestAddress(request?.headers, trustedProxies);

  const providers: NextAuthOptions["providers"] = [
    CredentialsProvider({
      id: "credentials",
      name: "Email",
      credentials: { email: { type: "email" }, password: { type: "password" }, code: { type: "text" } },
      authorize: (credentials, request) => authorizeCredentials(credentials, { ip: requestAddress(request?.headers, trustedProxies) }),
    }),
  ];
  if (oidc) {
    const provider: OAuthConfig<OidcClaims> = {
      id: ssoProviderId,
      name: oidc.name ?? "SSO",
      type: "oauth",
      wellKnown: `${oidc.issuer}/.well-known/openid-configuration`,
      clientId: oidc.clientId,
      clientSecret: oidc.clientSecret,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      // Matches an existing, active account by its linked identity (lib/auth/sso-link.ts); a person without one is
      // refused in signIn below.
      async profile(claims) {
        const user = await matchSsoIdentity(claims, { ip: ssoAddress, configuredIssuer: oidc.issuer });
        return user ?? { id: noMatchingAccount, email: "", name: "", role: "EXECUTIVE", departmentId: null, language: "en" };
      },
    };
    providers.push(provider);
  }

  return {
    secret: settings.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: settings.SESSION_MAX_AGE_HOURS * 60 * 60 },
    // Without a language prefix: the proxy (next-intl) sends next-auth's redirects, such as a refused single
    // sign-on, to the sign-in page in the language the person was using.
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers,
    callbacks: {
      // An SSO person with no matching account is refused (AccessDenied): no session, no account.
      signIn: ({ user }) => Boolean(user?.id) && user.id !== noMatchingAccount,
      async jwt({ token, user, account, trigger, session }) {
        // The session-expiry dialog's "Continue" (components/shell/session-expiry-warning.tsx).
        if (trigger === "update") return extendSession(token, session as SessionUpdateRequest | undefined);
        if (user) {
          // The server-side record that sign-out, a password change or an administrator can end.
          token.sid = await startSession(user.id, account?.provider === "credentials" ? "password" : "sso");
          token.uid = user.id;
          token.role = user.role;
          token.departmentId = user.departmentId;
          token.language = user.language;
          // When the session started: the `sessionHours` setting is counted from here (lib/auth/session-length.ts).
          token.signedInAt = Date.now();
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid,
          email: token.email ?? "",
          name: token.name ?? "",
          role: token.role,
          departmentId: token.departmentId,
          language: token.language,
        };
        session.signedInAt = token.signedInAt;
        session.sessionId = token.sid;
        return session;
      },
    },
    events: {
      signOut: ({ token }) => recordSignOut(token?.uid, token?.sid),
    },
  };
}
