import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";

/*
 * The list's search costs no statement of its own: initiative_search_query is inlined into the statement that
 * calls it (not run as an SQL function while the statement is planned), and still matches in either language,
 * accents ignored.
 */
describe("the initiatives search query", () => {
  it("is inlined into the statement that calls it", async () => {
    const plan = await db.$queryRaw<{ "QUERY PLAN": string }[]>`
      EXPLAIN (VERBOSE, COSTS OFF) SELECT code FROM initiatives WHERE search_vector @@ initiative_search_query(${"traite"})`;
    const text = plan.map((row) => row["QUERY PLAN"]).join("\n");
    expect(text).toContain("websearch_to_tsquery");
    expect(text).not.toContain("initiative_search_query");
  });

  it("finds a word in either language, without its accents, in web-search syntax", async () => {
    const [row] = await db.$queryRaw<{ english: string; french: string; excluded: boolean }[]>`
      SELECT to_tsvector('english', 'Training partners') @@ initiative_search_query('training') AS english,
             to_tsvector('french', public.immutable_unaccent('Traité de coopération')) @@ initiative_search_query('traite') AS french,
             to_tsvector('english', 'Training partners') @@ initiative_search_query('training -partners') AS excluded`;
    expect(row).toEqual({ english: true, french: true, excluded: false });
  });
});
