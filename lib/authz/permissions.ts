/**
 * The permission vocabulary and the role → permission map (DESIGN.md §3).
 * Pure data and pure functions: no database, so it is unit-tested on its own.
 * Whatever is not listed is denied.
 */
export const roles = ["ADMIN", "COORDINATOR", "DEPARTMENT_REP", "EXECUTIVE"] as const;
export type Role = (typeof roles)[number];

export const permissions = {
  "portal.read": "Read initiatives, funding, action items, meetings and dashboards",
  "export.read": "Export CSV and print",
  "initiative.create": "Create an initiative",
  "initiative.update": "Edit an initiative, post a status update, edit its funding and milestones",
  "initiative.archive": "Archive an initiative",
  "actionItem.create": "Create and assign action items",
  "actionItem.updateStatus": "Change the status of an action item",
  "meeting.manage": "Manage meetings, agendas, minutes and update calls",
  "admin.manage": "Manage users, departments and pillars, and read the audit log",
  "settings.update": "Change the settings: security marking, quorum rule, days before an initiative is stale, session length",
  "profile.update": "Change one's own preferred language and password",
  // results (issue 18)
  "results.manage": "Define the results framework (expected results, indicators, targets) and review actuals",
  "results.report": "Enter and correct the actual results of indicators",
  // translation workflow (issue 21)
  "translation.manage": "Work the translation queue: request translations, export and import XLIFF, override a language gate with a reason",
  "translation.verify": "Mark a translation verified against its source (the roles the verifier setting names)",
  // discussion and notification centre (issue 22)
  "discussion.write": "Comment on a record one can read, reply, and edit one's own comments",
  "discussion.moderate": "Hide a comment, with a reason",
  "notification.manage": "Read and mark one's own notifications; follow an initiative or a meeting",
  // documents (issue 20)
  "document.upload": "Upload documents and new versions, and withdraw documents, on the records one may edit",
} as const;

export type Permission = keyof typeof permissions;

/**
 * How far a role's grant reaches: `all` records, or only records whose owning
 * department is the user's own.
 */
export type Scope = "all" | "ownDepartment";

const grants: Record<Role, Partial<Record<Permission, Scope>>> = {
  ADMIN: {
    "portal.read": "all",
    "export.read": "all",
    "initiative.create": "all",
    "initiative.update": "all",
    "initiative.archive": "all",
    "actionItem.create": "all",
    "actionItem.updateStatus": "all",
    "meeting.manage": "all",
    "admin.manage": "all",
    "settings.update": "all",
    "profile.update": "all",
    "results.manage": "all",
    "results.report": "all",
    "translation.manage": "all",
    "translation.verify": "all",
    "discussion.write": "all",
    "discussion.moderate": "all",
    "notification.manage": "all",
    "document.upload": "all",
  },
  COORDINATOR: {
    "portal.read": "all",
    "export.read": "all",
    "initiative.create": "all",
    "initiative.update": "all",
    "initiative.archive": "all",
    "actionItem.create": "all",
    "actionItem.updateStatus": "all",
    "meeting.manage": "all",
    "profile.update": "all",
    "results.manage": "all",
    "results.report": "all",
    "translation.manage": "all",
    "translation.verify": "all",
    "discussion.write": "all",
    "discussion.moderate": "all",
    "notification.manage": "all",
    "document.upload": "all",
  },
  DEPARTMENT_REP: {
    "portal.read": "all",
    "export.read": "all",
    "initiative.create": "ownDepartment",
    "initiative.update": "ownDepartment",
    "actionItem.create": "ownDepartment",
    "actionItem.updateStatus": "ownDepartment",
    "profile.update": "all",
    // The actuals of indicators their department is responsible for.
    "results.report": "ownDepartment",
    // Everyone who can read a record may discuss it.
    "discussion.write": "all",
    "notification.manage": "all",
    // Documents on their department's initiatives and the agenda items it presents.
    "document.upload": "ownDepartment",
    // Translations of their department's texts, when the verifier setting names representatives (issue 21).
    "translation.verify": "ownDepartment",
  },
  EXECUTIVE: {
    "portal.read": "all",
    "export.read": "all",
    // Their own account only: an executive changes no portal data.
    "profile.update": "all",
    "discussion.write": "all",
    "notification.manage": "all",
  },
};

export type Actor = { role: Role; departmentId: string | null };

/** The record being acted on, as far as the policy cares: which department owns it. */
export type OwnedRecord = { departmentId: string | null };

/** How far `role`'s grant of `permission` reaches, or null when the role does not hold it. */
export function grantScope(role: Role, permission: Permission): Scope | null {
  return grants[role]?.[permission] ?? null;
}

/**
 * May `actor` do `permission` on `record`? Fails closed: a grant limited to the actor's department
 * answers yes only for a record of that department, so without a record (or for a record of no
 * department) the answer is no. Asking "may this person do this anywhere?" is holdsPermission.
 */
export function can(actor: Actor | null, permission: Permission, record?: OwnedRecord): boolean {
  if (!actor) return false;
  const scope = grantScope(actor.role, permission);
  if (!scope) return false;
  if (scope === "all") return true;
  if (record === undefined) return false;
  return actor.departmentId !== null && record.departmentId === actor.departmentId;
}

/**
 * Does `actor` hold `permission` for at least one record: for navigation, "new …" buttons and a page's
 * entry guard, never for a write (the record decides that, through can). A department-scoped grant is
 * asked about the actor's own department, so a representative without a department holds nothing.
 */
export function holdsPermission(actor: Actor | null, permission: Permission): boolean {
  return actor !== null && can(actor, permission, { departmentId: actor.departmentId });
}

/**
 * May `actor` mark the translation of a text verified (issue 21)? The policy's grant, narrowed to the roles the
 * administrators' setting names (`verifierRoles`): a representative, when named, only for their department's texts.
 */
export function canVerifyTranslation(actor: Actor | null, verifierRoles: readonly Role[], record: OwnedRecord): boolean {
  return actor !== null && verifierRoles.includes(actor.role) && can(actor, "translation.verify", record);
}
