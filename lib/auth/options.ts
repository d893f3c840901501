import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db, isDatabaseUnavailableError } from "@/lib/db";
import { env } from "@/lib/env";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(254),
  password: z.string().min(1).max(1024),
});

/**
 * Checks an e-mail and password. Returns null for every kind of failure (unknown
 * account, wrong password, inactive account, malformed input) so the sign-in page
 * can only ever say one generic thing.
 */
/** Thrown (and passed on by next-auth as the error code) when sign-in cannot reach the database. */
export const SIGN_IN_UNAVAILABLE = "ServiceUnavailable";

export async function authorizeCredentials(raw: unknown) {
  try {
    return await checkCredentials(raw);
  } catch (error) {
    if (isDatabaseUnavailableError(error)) throw new Error(SIGN_IN_UNAVAILABLE);
    throw error;
  }
}

async function checkCredentials(raw: unknown) {
  const parsed = credentialsSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const user = await db.user.findUnique({
    where: { email },
    select: { id: true, email: true, displayName: true, role: true, departmentId: true, preferredLanguage: true, active: true, passwordHash: true },
  });
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, password);
  if (!user || !passwordOk || !user.active) return null;
  await db.user.update({ where: { id: user.id }, data: { lastSignInAt: new Date() } });
  return {
    id: user.id,
    email: user.email,
    name: user.displayName,
    role: user.role,
    departmentId: user.departmentId,
    language: user.preferredLanguage,
  };
}

export function authOptions(): NextAuthOptions {
  const settings = env();
  return {
    secret: settings.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: settings.SESSION_MAX_AGE_HOURS * 60 * 60 },
    pages: { signIn: "/en/sign-in", error: "/en/sign-in" },
    providers: [
      CredentialsProvider({
        id: "credentials",
        name: "Email",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        authorize: (credentials) => authorizeCredentials(credentials),
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = user.id;
          token.role = user.role;
          token.departmentId = user.departmentId;
          token.language = user.language;
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
        return session;
      },
    },
  };
}
