/**
 * Ids taken from an address or a query string are checked before they reach the database: anything that is not
 * a UUID is "not found" (PostgreSQL would refuse it with an error, e.g. 36 dashes, which a looser check let by).
 */
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && uuidPattern.test(value);
}
