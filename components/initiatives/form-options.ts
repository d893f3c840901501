import type { SessionUser } from "@/lib/auth/types";
import { can } from "@/lib/authz/permissions";
import type { ReferenceData } from "@/lib/initiatives/queries";
import { byLocale } from "@/lib/i18n/localized";
import type { Locale } from "@/lib/i18n/routing";

/**
 * Choices for the initiative form in the page's language. The lead list offers only departments the user may
 * lead for (a representative: their own); the command checks it again on the server.
 */
export function initiativeFormOptions(user: SessionUser, reference: ReferenceData, locale: Locale, currentLeadId?: string) {
  const departments = reference.departments
    .filter((d) => d.active || d.id === currentLeadId)
    .map((d) => ({ value: d.id, label: byLocale(locale, d.acronymEn, d.acronymFr) }));
  const leadOptions = departments.filter((d) => can(user, "initiative.create", { departmentId: d.value }));
  const pillars = reference.pillars.filter((p) => p.active).map((p) => ({ value: p.id, label: byLocale(locale, p.nameEn, p.nameFr) }));
  return { departments, leadOptions, pillars };
}
