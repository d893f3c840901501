import { createElement as h } from "react";
import { describe, expect, it } from "vitest";
import { CachedMarkup } from "@/components/ui/cached-markup";
import { DataTableView } from "@/components/dashboard/data-table-view";
import { readDataVersion, viewerClass } from "@/lib/cache";
import { getDashboardVersioned, type DashboardData } from "@/lib/dashboard/queries";
import { db } from "@/lib/db";
import { postStatusUpdate } from "@/lib/initiatives/commands";
import { editComment, postComment } from "@/lib/discussion/commands";
import { getInitiativeThreads, threadListKey, threadOf } from "@/lib/discussion/queries";
import { can } from "@/lib/authz/permissions";
import { sessionUser } from "../../support/database";
import { makeInitiative } from "../initiatives/support";

/*
 * Issue 23: parts cached per version of the data (lib/cache, migration data_versions). Two instances of the portal
 * share only the database: each has its own caches (globalThis.portalCaches), which these tests swap to play two
 * processes of the render path on one database.
 */
type Caches = Map<string, unknown>;
const process = globalThis as unknown as { portalCaches?: Caches };
function instance(): Caches {
  return new Map();
}
async function on<T>(caches: Caches, run: () => Promise<T>): Promise<T> {
  const before = process.portalCaches;
  process.portalCaches = caches;
  try {
    return await run();
  } finally {
    process.portalCaches = before;
  }
}

const scope = { fiscalYear: null, department: null, pillar: null };
const prevention = (data: DashboardData) => data.tiles.find((tile) => tile.code === "PREVENTION")!;
const update = (initiativeId: string, health: "RED" | "GREEN") => ({ initiativeId, reportingPeriod: "2026-27 Q3", health, progress: "40", narrativeEn: "Work continues.", narrativeFr: "Les travaux se poursuivent." });
const htmlOf = (element: unknown) => ((element as { props: { dangerouslySetInnerHTML?: { __html: string } } }).props.dangerouslySetInnerHTML?.__html ?? null);

describe("the portfolio's data version", () => {
  it("changes with every committed write to the portfolio's tables, once per transaction, and not for a refused or unrelated one", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const v0 = BigInt(await readDataVersion("portfolio"));
    expect(v0).toBeGreaterThan(0n);
    expect((await postStatusUpdate(rep, update(initiative.id, "RED"))).ok).toBe(true);
    const v1 = BigInt(await readDataVersion("portfolio"));
    expect(v1).toBe(v0 + 1n);
    // Many rows in one transaction: one bump.
    await db.$transaction([db.initiative.update({ where: { id: initiative.id }, data: { titleEn: "Renamed once" } }), db.initiative.update({ where: { id: initiative.id }, data: { titleEn: "Renamed twice" } })]);
    expect(BigInt(await readDataVersion("portfolio"))).toBe(v1 + 1n);
    // A refused post (another department's representative) writes nothing: the version stays.
    const other = await sessionUser("rep.rcmp@iwgtip.example");
    expect((await postStatusUpdate(other, update(initiative.id, "GREEN"))).ok).toBe(false);
    // A rolled-back transaction leaves it too.
    await expect(
      db.$transaction(async (tx) => {
        await tx.initiative.update({ where: { id: initiative.id }, data: { titleEn: "Never" } });
        throw new Error("roll back");
      }),
    ).rejects.toThrow("roll back");
    // A comment is not the portfolio's data.
    expect((await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, body: "Unrelated.", language: "en" })).ok).toBe(true);
    expect(BigInt(await readDataVersion("portfolio"))).toBe(v1 + 1n);
  });
});

describe("the version under concurrent writers", () => {
  it("counts every one of many transactions committed at once, with none refused or deadlocked", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const initiatives = await Promise.all(Array.from({ length: 8 }, () => makeInitiative("JUS")));
    const before = BigInt(await readDataVersion("portfolio"));
    // Each writer changes two initiatives in opposite orders, in one transaction: with the version row locked at
    // the first write, the second and the first would wait on each other.
    const results = await Promise.allSettled(
      initiatives.map((initiative, index) =>
        db.$transaction(async (tx) => {
          const other = initiatives[(index + 1) % initiatives.length]!;
          await tx.initiative.update({ where: { id: initiative.id }, data: { titleEn: `Concurrent ${index}` } });
          await tx.initiative.update({ where: { id: other.id }, data: { progress: index } });
        }),
      ),
    );
    const failed = results.filter((result) => result.status === "rejected");
    // Writers of the same rows may still deadlock on those rows themselves; none may fail on the version.
    expect(failed.map((result) => String((result as PromiseRejectedResult).reason)).filter((reason) => /data_versions/.test(reason))).toEqual([]);
    expect(BigInt(await readDataVersion("portfolio"))).toBe(before + BigInt(results.length - failed.length));
    expect((await postStatusUpdate(rep, update(initiatives[0]!.id, "GREEN"))).ok).toBe(true);
  });
});

describe("data and markup cached per version", () => {
  it("never stale across instances: a write on one, the next read on the other shows it", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const [a, b] = [instance(), instance()];
    // Both instances have the dashboard cached.
    const firstA = await on(a, () => getDashboardVersioned(coordinator, scope));
    const firstB = await on(b, () => getDashboardVersioned(coordinator, scope));
    expect(firstB.key).toBe(firstA.key);
    expect((await on(a, () => getDashboardVersioned(coordinator, scope))).data).toBe(firstA.data); // a hit: the same object
    const redBefore = prevention(firstA.data).red;

    // A RED update posted through instance B.
    const initiative = await makeInitiative("JUS");
    expect((await on(b, () => postStatusUpdate(rep, update(initiative.id, "RED")))).ok).toBe(true);

    // Instance A's next read shows it, with no message from B: its key changed with the version.
    const nextA = await on(a, () => getDashboardVersioned(coordinator, scope));
    expect(nextA.key).not.toBe(firstA.key);
    expect(prevention(nextA.data).red).toBe(redBefore + 1);
    const [expected] = await db.$queryRaw<{ red: number }[]>`
      SELECT count(*)::int AS red FROM initiatives i JOIN pillars p ON p.id = i.primary_pillar_id
      WHERE p.code = 'PREVENTION' AND i.archived_at IS NULL AND i.health = 'RED'`;
    expect(prevention(nextA.data).red).toBe(expected!.red);

    // The markup follows the data's key: a's old markup is not served under the new key.
    const table = (data: DashboardData) => h(DataTableView, { table: { headers: ["Pillar", "Red"], rows: [["Prevention", String(prevention(data).red)]] }, caption: "Red", dataset: "pillars" });
    const oldHtml = htmlOf(await on(a, () => CachedMarkup({ cacheKey: `t|${firstA.key}`, children: table(firstA.data) })));
    const newHtml = htmlOf(await on(a, () => CachedMarkup({ cacheKey: `t|${nextA.key}`, children: table(nextA.data) })));
    expect(oldHtml).toContain(`<td>${redBefore}</td>`);
    expect(newHtml).toContain(`<td>${redBefore + 1}</td>`);
  });

  it("never across people: a representative and an executive never receive each other's markup", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const executive = await sessionUser("executive@iwgtip.example");
    expect(viewerClass(rep)).not.toBe(viewerClass(executive));
    const caches = instance();
    const { key } = await on(caches, () => getDashboardVersioned(rep, scope));
    // A part that (wrongly) showed who is looking would still only reach people of the same class.
    const part = (name: string) => h("p", null, `Drawn for ${name}`);
    const keyFor = (user: typeof rep) => `dashboard-view|${key}|en|${viewerClass(user)}|${JSON.stringify(scope)}`;
    const forRep = htmlOf(await on(caches, () => CachedMarkup({ cacheKey: keyFor(rep), children: part(rep.displayName) })));
    const forExecutive = htmlOf(await on(caches, () => CachedMarkup({ cacheKey: keyFor(executive), children: part(executive.displayName) })));
    const repAgain = htmlOf(await on(caches, () => CachedMarkup({ cacheKey: keyFor(rep), children: part("someone else") })));
    expect(forRep).toBe(`<p>Drawn for ${rep.displayName}</p>`);
    expect(forExecutive).toBe(`<p>Drawn for ${executive.displayName}</p>`);
    expect(repAgain).toBe(forRep); // a hit for the representative's class only
    // A representative of another department is another class too.
    const otherRep = await sessionUser("rep.rcmp@iwgtip.example");
    expect(viewerClass(otherRep)).not.toBe(viewerClass(rep));
  });

  it("renders with React, uncached, what the string renderer does not draw", async () => {
    const caches = instance();
    const client = Object.assign(() => null, { $$typeof: Symbol.for("react.client.reference") });
    const children = h("div", null, h(client));
    const result = await on(caches, () => CachedMarkup({ cacheKey: "not-static", children }));
    expect(result).toBe(children);
    expect((caches.get("markup") as { size: number } | undefined)?.size ?? 0).toBe(0);
  });
});

describe("a discussion's list cached per content", () => {
  it("changes its key with the thread's content, and never shares one between a representative, an executive or a coordinator", async () => {
    const rep = await sessionUser("rep.jus@iwgtip.example");
    const executive = await sessionUser("executive@iwgtip.example");
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const initiative = await makeInitiative("JUS");
    const posted = await postComment(rep, { subjectType: "initiative", subjectId: initiative.id, body: "First words.", language: "en" });
    if (!posted.ok) throw new Error("not posted");
    const keyFor = async (user: typeof rep, search = "") => {
      const threads = await getInitiativeThreads(user, initiative.id);
      const mayWrite = can(user, "discussion.write", { departmentId: null });
      const mayModerate = can(user, "discussion.moderate", { departmentId: null });
      return threadListKey({ thread: threadOf(threads, "initiative", initiative.id), initiativeIds: threads.initiativeIds, locale: "en", user, mayWrite, mayModerate, search });
    };
    const keys = { rep: await keyFor(rep), executive: await keyFor(executive), coordinator: await keyFor(coordinator) };
    expect(new Set(Object.values(keys)).size).toBe(3);
    // The same reader, the same thread: the same key, on any instance (nothing but the data makes it).
    expect(await keyFor(rep)).toBe(keys.rep);
    expect(await keyFor(rep, "comment=x&do=reply")).not.toBe(keys.rep);
    const { version } = await db.comment.findUniqueOrThrow({ where: { id: posted.data.id }, select: { version: true } });
    // An edit (on any instance) changes the key of every reader.
    expect((await editComment(rep, { id: posted.data.id, version, body: "Other words.", language: "en" })).ok).toBe(true);
    expect(await keyFor(rep)).not.toBe(keys.rep);
    expect(await keyFor(executive)).not.toBe(keys.executive);
  });
});
