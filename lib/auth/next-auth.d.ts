import type { Role } from "@/lib/authz/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; departmentId: string | null; language: "en" | "fr" };
    /** Milliseconds since the epoch when the person signed in. */
    signedInAt?: number;
    /** The server-side session record (auth_sessions) this cookie stands for. */
    sessionId?: string;
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    departmentId: string | null;
    language: "en" | "fr";
    signedInAt?: number;
    /** How the person signed in, for the session record. */
    method?: "password" | "sso";
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    departmentId: string | null;
    language: "en" | "fr";
    signedInAt?: number;
    /** The session record's id (auth_sessions); a token without one names no open session. */
    sid?: string;
  }
}
