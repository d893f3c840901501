import type { MatrixRow } from "../matrix-types";

/** One's own calendar feed (issue 22.5): anyone signed in, on their own account. */
const anyoneSignedIn = { ADMIN: "allow", COORDINATOR: "allow", EXECUTIVE: "allow", OWN_REP: "allow", OTHER_REP: "allow", SIGNED_OUT: "deny" } as const;

export const rows: MatrixRow[] = [
  { command: "calendarFeed.create", prepare: async () => ({}), expect: anyoneSignedIn },
  { command: "calendarFeed.revoke", prepare: async () => ({}), expect: anyoneSignedIn },
];
