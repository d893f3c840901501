import { noticeKinds } from "@/lib/notifications/schemas";
import type { MatrixRow } from "../matrix-types";

/**
 * Issue 9's commands. Neither acts on a department's record, so OWN_REP and OTHER_REP are alike:
 * - profile.updateNotices changes only the caller's own choices (the user id comes from the session); every
 *   signed-in role may. The input turns every notice on and leaves the language alone, which is the seeded state,
 *   so an allowed call spoils nothing.
 * - mail.setPaused is administration. The input resumes mail, so an allowed call leaves mail running.
 */
export const rows: MatrixRow[] = [
  {
    command: "profile.updateNotices",
    prepare: async () => ({ notices: [...noticeKinds] }),
    expect: { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" },
  },
  {
    command: "mail.setPaused",
    prepare: async () => ({ paused: false }),
    expect: { ADMIN: "allow", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" },
  },
];
