import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { listUsers } from "@/lib/users/queries";
import { userListFiltersSchema } from "@/lib/users/schemas";
import { sessionUser } from "../../support/database";

// Searching accounts matches what was typed literally: LIKE wildcards and the escape character are plain text.
describe("searching accounts", () => {
  const marker = `likesearch${Date.now()}`;
  const names = [`${marker} 100% sure`, `${marker} under_score`, `${marker} back\\slash`, `${marker} plain`];

  beforeAll(async () => {
    await db.user.createMany({
      data: names.map((displayName, index) => ({ displayName, email: `${marker}-${index}@example.gc.ca`, role: "EXECUTIVE" as const, passwordHash: "x", active: false })),
    });
  });
  afterAll(async () => {
    await db.user.deleteMany({ where: { email: { startsWith: marker } } });
  });

  async function search(q: string) {
    const admin = await sessionUser("admin@iwgtip.example");
    const { rows } = await listUsers(admin, userListFiltersSchema.parse({ q }));
    return rows.map((row) => row.displayName).filter((name) => name.startsWith(marker)).sort();
  }

  it("treats % as a percent sign, not as 'anything'", async () => {
    expect(await search(`${marker} 100%`)).toEqual([`${marker} 100% sure`]);
    expect(await search("%")).toEqual([`${marker} 100% sure`]);
  });

  it("treats _ as an underscore, not as 'any one character'", async () => {
    expect(await search("_")).toEqual([`${marker} under_score`]);
    expect(await search(`${marker} p_ain`)).toEqual([]);
  });

  it("treats a backslash as itself", async () => {
    expect(await search("\\")).toEqual([`${marker} back\\slash`]);
    expect(await search("k\\s")).toEqual([`${marker} back\\slash`]);
  });

  it("still matches ordinary text in any case", async () => {
    expect(await search(`${marker.toUpperCase()} PLAIN`)).toEqual([`${marker} plain`]);
  });
});
