import { can, type Actor, type OwnedRecord, type Permission } from "./permissions";

/** Thrown by the data layer when asked for something the user may not do; pages guard first, so it is a bug. */
export class AuthorizationError extends Error {
  constructor(permission: Permission) {
    super(`not allowed: ${permission}`);
    this.name = "AuthorizationError";
  }
}

/** The data layer's own check (a page's guard does not cover every caller of a query). */
export function requirePermission(actor: Actor | null, permission: Permission, record?: OwnedRecord): void {
  if (!can(actor, permission, record)) throw new AuthorizationError(permission);
}
