/**
 * The shape of the authorization matrix (issue 3): one row per registered command, with the
 * exact allow/deny expected for every kind of caller. Each domain keeps its rows in
 * `tests/integration/authz/rows/<domain>.ts`; the matrix test fails for any registered
 * command without a row.
 *
 * Convention: `prepare` makes (or finds) the record the command acts on, OWNED BY THE JUS
 * DEPARTMENT, and returns the raw input for the command. It runs afresh before every call,
 * so an allowed call (which changes data) never spoils the next one.
 *   OWN_REP   = rep.jus@iwgtip.example  (representative of the owning department)
 *   OTHER_REP = rep.rcmp@iwgtip.example (representative of another department)
 */
export type Caller = "ADMIN" | "COORDINATOR" | "EXECUTIVE" | "OWN_REP" | "OTHER_REP" | "SIGNED_OUT";

export type Expectation = "allow" | "deny";

export type MatrixRow = {
  /** The registered command's name. */
  command: string;
  /** Makes the record to act on (owned by JUS) and returns the command's raw input. */
  prepare: () => Promise<unknown>;
  expect: Record<Caller, Expectation>;
};
