import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/types";
import { LINK_SEARCH_LIMIT } from "@/lib/agenda/link-search";
import { db } from "@/lib/db";
import { departmentId, expectUnchanged, pillarId, sessionUser } from "../../support/database";
import { makeActionItem } from "./support";

// The route handler reads the session through next-auth; here the signed-in user is whoever the test says.
const signedIn = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => signedIn.user }));
const { GET } = await import("@/app/api/agenda/links/route");

type Answer = { choices: { id: string; label: string }[]; more: boolean };

async function search(params: Record<string, string>) {
  const response = await GET(new Request(`http://localhost/api/agenda/links?${new URLSearchParams(params)}`));
  return { status: response.status, body: await response.json() };
}

/** Initiatives of this test only, with a tag in their titles that nothing else has. */
async function makeInitiatives(tag: string, count: number, archived = 0) {
  const [lead, pillar] = await Promise.all([departmentId("SWC"), pillarId("PARTNERSHIPS")]);
  const codes: string[] = [];
  for (let index = 0; index < count + archived; index += 1) {
    const code = `S${tag.slice(0, 6).toUpperCase()}-${String(index).padStart(2, "0")}`;
    codes.push(code);
    await db.initiative.create({
      data: { code, titleEn: `Search ${tag} number ${index}`, titleFr: `Recherche ${tag} numéro ${index}`, leadDepartmentId: lead, primaryPillarId: pillar, status: "PLANNED", archivedAt: index >= count ? new Date() : null },
    });
  }
  return codes;
}

afterEach(() => {
  signedIn.user = null;
});

describe("the agenda item form's type-ahead (GET /api/agenda/links)", () => {
  it("answers only those who may build agendas: 401 signed out, 404 for a representative or an executive", async () => {
    expect((await search({ kind: "initiative", q: "IWG" })).status).toBe(401);
    for (const email of ["rep.rcmp@iwgtip.example", "executive@iwgtip.example"]) {
      signedIn.user = await sessionUser(email);
      expect((await search({ kind: "initiative", q: "IWG" })).status).toBe(404);
    }
    for (const email of ["coordinator@iwgtip.example", "admin@iwgtip.example"]) {
      signedIn.user = await sessionUser(email);
      const { status, body } = await search({ kind: "initiative", q: "IWG-0001" });
      expect(status).toBe(200);
      expect((body as Answer).choices[0]?.label).toMatch(/^IWG-0001 — /);
    }
  });

  it("finds initiatives by code or by title in either language (accents ignored), labelled in the asked language, archived ones left out", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const tag = randomUUID().replace(/-/g, "").slice(0, 10);
    const codes = await makeInitiatives(tag, 3, 1);
    const byCode = (await search({ kind: "initiative", q: codes[1]!.toLowerCase() })).body as Answer;
    expect(byCode.choices.map((choice) => choice.label)).toEqual([`${codes[1]} — Search ${tag} number 1`]);
    const byFrench = (await search({ kind: "initiative", q: `recherche ${tag} numero`, locale: "fr" })).body as Answer;
    expect(byFrench.choices.map((choice) => choice.label)).toEqual([0, 1, 2].map((index) => `${codes[index]} — Recherche ${tag} numéro ${index}`));
    expect(byFrench.more).toBe(false);
    // The archived one (index 3) is never offered, even by its exact code.
    expect(((await search({ kind: "initiative", q: codes[3]! })).body as Answer).choices).toEqual([]);
  });

  it("answers at most 20 choices and says there are more; takes % and _ literally", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const tag = randomUUID().replace(/-/g, "").slice(0, 10);
    await makeInitiatives(tag, LINK_SEARCH_LIMIT + 2);
    const answer = (await search({ kind: "initiative", q: tag })).body as Answer;
    expect(answer.choices).toHaveLength(LINK_SEARCH_LIMIT);
    expect(answer.more).toBe(true);
    expect(((await search({ kind: "initiative", q: "" })).body as Answer).choices.length).toBeLessThanOrEqual(LINK_SEARCH_LIMIT);
    expect(((await search({ kind: "initiative", q: `${tag}%` })).body as Answer).choices).toEqual([]);
    expect(((await search({ kind: "initiative", q: "_" })).body as Answer).choices).toEqual([]);
  });

  it("finds open action items by title in either language, not done or cancelled ones", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const open = await makeActionItem("JUS");
    const closed = await makeActionItem("JUS");
    await db.actionItem.update({ where: { id: closed.id }, data: { status: "CANCELLED" } });
    const [openItem, closedItem] = await Promise.all([open, closed].map((item) => db.actionItem.findUniqueOrThrow({ where: { id: item.id }, select: { titleEn: true, titleFr: true } })));
    const byFrench = (await search({ kind: "actionItem", q: openItem!.titleFr.slice(-20), locale: "fr" })).body as Answer;
    expect(byFrench.choices).toEqual([{ id: open.id, label: openItem!.titleFr }]);
    expect(((await search({ kind: "actionItem", q: closedItem!.titleEn.slice(-20) })).body as Answer).choices).toEqual([]);
  });

  it("refuses bad input with a clear message in the user's language and changes nothing", async () => {
    signedIn.user = await sessionUser("coordinator@iwgtip.example");
    const refused = await expectUnchanged(async () => [
      await search({ kind: "meeting", q: "x" }),
      await search({ kind: "initiative", q: "x".repeat(101), locale: "fr" }),
      await search({ q: "x" }),
    ]);
    expect(refused.map((answer) => answer.status)).toEqual([400, 400, 400]);
    expect(refused[0]!.body.message).toBe("The search was not understood: type at most 100 characters. Nothing was changed.");
    expect(refused[1]!.body.message).toBe("La recherche n'a pas été comprise : tapez au plus 100 caractères. Rien n'a été modifié.");
  });
});
