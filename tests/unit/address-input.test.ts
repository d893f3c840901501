import { describe, expect, it } from "vitest";
import { auditFiltersSchema } from "@/lib/audit/queries";
import { parseInitiativeFilters } from "@/lib/initiatives/filters";
import { isUuid } from "@/lib/security/ids";
import { userListFiltersSchema } from "@/lib/users/schemas";

/** What an address or a query string carries is checked before it reaches the database (issue 8, point 6). */
describe("input from the address bar", () => {
  it("takes only real UUIDs as ids", () => {
    expect(isUuid("0f8fad5b-d9cb-469f-a165-70867728950e")).toBe(true);
    expect(isUuid("-".repeat(36))).toBe(false);
    expect(isUuid("0f8fad5b-d9cb-469f-a165-70867728950e' OR '1'='1")).toBe(false);
    expect(isUuid(undefined)).toBe(false);
  });

  it("drops searches and filters PostgreSQL could not take, instead of failing", () => {
    expect(parseInitiativeFilters({ q: "traite\u0000" }).q).toBeUndefined();
    expect(parseInitiativeFilters({ q: "'; DROP TABLE initiatives; --" }).q).toBe("'; DROP TABLE initiatives; --");
    expect(userListFiltersSchema.parse({ q: "rep\u0000" }).q).toBeUndefined();
    expect(auditFiltersSchema.parse({ action: "\u0000", entityType: "x\u0000", from: "0000-01-01", to: "2007-02-30" })).toMatchObject({ action: undefined, entityType: undefined, from: undefined, to: undefined });
    expect(auditFiltersSchema.parse({ from: "2007-09-01" }).from).toBe("2007-09-01");
  });
});
