import { createServer, type Server } from "node:http";
import Provider from "oidc-provider";

/** The client the portal is registered as, in playwright.config.ts and here. */
export const oidcClient = { id: "iwgtip-e2e", secret: "iwgtip-e2e-client-secret-0123456789abcdef" } as const;

/**
 * A real OpenID Connect issuer (oidc-provider) on loopback for the single sign-on tests. Its
 * development login form accepts any login; the login is taken as the person's e-mail address.
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
    async findAccount(_context, sub) {
      return {
        accountId: sub,
        claims: async () => ({ sub, email: sub, email_verified: true, name: `SSO ${sub}` }),
      };
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
