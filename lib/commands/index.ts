import "server-only";
import "@/lib/action-items/commands";
import "@/lib/agenda/commands";
import "@/lib/decisions/commands";
import "@/lib/meetings/attendance";
import "@/lib/meetings/commands";
import "@/lib/minutes/commands";
import "@/lib/update-calls/commands";

/**
 * Imports every domain's commands so that they register themselves; the authorization
 * matrix test imports this and then enumerates `registeredCommands()`.
 * Add a line here for each new lib/<domain>/commands.ts.
 */
import "@/lib/initiatives/commands";
import "@/lib/users/commands";
import "@/lib/departments/commands";
import "@/lib/pillars/commands";
import "@/lib/settings/commands";

export { registeredCommands } from "@/lib/kernel/registry";
import "@/lib/mail/commands";
import "@/lib/notifications/commands";
import "@/lib/results/commands";
import "@/lib/calendar-feeds/commands";
import "@/lib/translation/commands";
import "@/lib/discussion/commands";
import "@/lib/documents/commands";
// collab2 (issue 22.3–22.4)
import "@/lib/agenda-proposals/commands";
import "@/lib/minutes-sign-off/commands";
import "@/lib/reports/commands";
