import { holdsPermission, type Actor, type Permission } from "@/lib/authz/permissions";

/** The portal's sections, in the order of the main navigation, with what opening each requires. */
export const sections = [
  { key: "dashboard", href: "/dashboard", permission: "portal.read" },
  { key: "results", href: "/results", permission: "portal.read" },
  { key: "initiatives", href: "/initiatives", permission: "portal.read" },
  { key: "departments", href: "/departments", permission: "portal.read" },
  { key: "funding", href: "/funding", permission: "portal.read" },
  { key: "actionItems", href: "/action-items", permission: "portal.read" },
  { key: "meetings", href: "/meetings", permission: "portal.read" },
  { key: "decisions", href: "/decisions", permission: "portal.read" },
  { key: "reports", href: "/reports", permission: "portal.read" },
  { key: "updateCalls", href: "/update-calls", permission: "meeting.manage" },
  { key: "translation", href: "/translation", permission: "translation.manage" },
  { key: "administration", href: "/admin", permission: "admin.manage" },
] as const satisfies readonly { key: string; href: string; permission: Permission }[];

export type Section = (typeof sections)[number];
export type SectionKey = Section["key"];

/** The sections this user may open, for the navigation (the pages check again themselves). */
export function sectionsFor(actor: Actor): Section[] {
  return sections.filter((section) => holdsPermission(actor, section.permission));
}

export function sectionByKey(key: SectionKey): Section {
  return sections.find((section) => section.key === key)!;
}
