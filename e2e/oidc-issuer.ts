import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

/** The client the portal is registered as, in playwright.config.ts and here. */
export const oidcClient = { id: "iwgtip-e2e", secret: "iwgtip-e2e-client-secret-0123456789abcdef" } as const;

/**
 * The claims a login stands for. A plain login is the person's e-mail address and subject, verified. A login
 * `subject;email=…;unverified` names a subject of its own, the e-mail the issuer sends (none without `email=`)
 * and whether it vouches for it: how the tests play a changed e-mail, a second subject, an unverified address.
 */
export function claimsOfLogin(login: string) {
  if (!login.includes(";")) return { sub: login, email: login, email_verified: true };
  const [sub, ...options] = login.split(";");
  const email = options.find((option) => option.startsWith("email="))?.slice("email=".length);
  return { sub: sub!, ...(email ? { email } : {}), email_verified: !options.includes("unverified") };
}

/**
 * A real OpenID Connect issuer (oidc-provider) on loopback for the single sign-on tests. Its
 * development login form accepts any login (see claimsOfLogin).
 */
export async function startOidcIssuer(port: number, portalUrl: string): Promise<{ stop: () => Promise<void> }> {
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: oidcClient.id,
        client_secret: oidcClient.secret,
        redirect_uris: [`${portalUrl}/api/auth/callback/oidc`],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    // The whole login is the account and the subject (oidc-provider issues the account id as `sub`).
    async findAccount(_context, sub) {
      return { accountId: sub, claims: async () => ({ ...claimsOfLogin(sub), sub, name: `SSO ${sub}` }) };
    },
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // next-auth reads the person's claims from the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["e2e-only-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
  });
  // The issuer is on plain http on loopback; tell it not to insist on https.
  provider.proxy = true;
  const server: Server = createServer(provider.callback());
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "localhost", () => resolve());
  });
  return { stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
