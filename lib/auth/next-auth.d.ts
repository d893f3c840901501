import type { Role } from "@/lib/authz/permissions";

declare module "next-auth" {
  interface Session {
    user: { id: string; email: string; name: string; role: Role; departmentId: string | null; language: "en" | "fr" };
    /** Milliseconds since the epoch when the person signed in. */
    signedInAt?: number;
  }
  interface User {
    id: string;
    email: string;
    name: string;
    role: Role;
    departmentId: string | null;
    language: "en" | "fr";
    signedInAt?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid: string;
    role: Role;
    departmentId: string | null;
    language: "en" | "fr";
    signedInAt?: number;
  }
}
