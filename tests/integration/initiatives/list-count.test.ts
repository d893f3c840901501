import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { parseInitiativeFilters } from "@/lib/initiatives/filters";
import { listInitiatives } from "@/lib/initiatives/queries";
import { sessionUser } from "../../support/database";
import { countStatements } from "../../support/statements";
import { makeInitiative } from "./support";

/*
 * The list counts its matches only so far past the page shown (COUNT_AHEAD), so a broad search costs the same at
 * every scale; past that it says "more than", and every page still shows its rows and leads to the next.
 */
describe("the initiatives list's count", () => {
  it("is exact within the bound, and a lower bound flagged `more` beyond it, in one statement", async () => {
    const reader = await sessionUser("executive@iwgtip.example");
    const word = `bounded${randomUUID().slice(0, 8)}`;
    const made = [];
    for (let index = 0; index < 5; index++) made.push(await makeInitiative("JUS", { titleEn: `${word} number ${index}` }));
    const filters = parseInitiativeFilters({ q: word });

    const { result: exact, statements } = await countStatements(() => listInitiatives(reader, filters, "en"));
    expect(statements).toHaveLength(1);
    expect(exact).toMatchObject({ total: 5, more: false });
    expect(exact.rows.map((row) => row.code)).toEqual(made.map((initiative) => initiative.code).sort());

    const bounded = await listInitiatives(reader, filters, "en", { countAhead: 3 });
    expect(bounded).toMatchObject({ total: 3, more: true });
    expect(bounded.rows).toHaveLength(5);
    expect(await listInitiatives(reader, filters, "en", { countAhead: 5 })).toMatchObject({ total: 5, more: false });

    // A later page counts from itself: page 2 of this search is empty, and knows the exact total again.
    expect(await listInitiatives(reader, parseInitiativeFilters({ q: word, page: "2" }), "en", { countAhead: 3 })).toMatchObject({ total: 5, more: false, rows: [] });

    await db.initiative.updateMany({ where: { id: { in: made.map((initiative) => initiative.id) } }, data: { archivedAt: new Date() } });
    expect(await listInitiatives(reader, filters, "en")).toMatchObject({ total: 0, more: false, rows: [] });
  });
});
