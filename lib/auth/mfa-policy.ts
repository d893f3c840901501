/** Roles whose password accounts must have a second factor; the `mfaRequiredForEveryone` setting extends it to all. */
export const mfaRequiredRoles = ["ADMIN", "COORDINATOR"] as const;
