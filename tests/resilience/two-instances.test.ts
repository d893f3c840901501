/**
 * Two instances of the portal (`next start` of one build, twice) on one database, with the settings README
 * "Several instances" lists (same NEXTAUTH_SECRET and NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, the load balancer in
 * TRUSTED_PROXIES, both running the mail worker). Nothing a request needs lives in one process's memory:
 *
 * - a session made on one instance is honoured by the other, and a form one renders is saved by the other;
 * - 50 simultaneous conflicting saves of one initiative, spread over both, give exactly one success;
 * - the lock-out of an account for an address and address throttling count failures made on either instance.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  anInitiativeId,
  demoPassword,
  formFields,
  messages,
  OwnDatabase,
  type Portal,
  portalPort,
  postForm,
  signIn,
  startPortal,
  withValues,
} from "./support";

let database: OwnDatabase;
let one: Portal;
let two: Portal;

beforeAll(async () => {
  database = await OwnDatabase.create("instances");
  [one, two] = await Promise.all([startPortal(portalPort(1), database.databaseUrl), startPortal(portalPort(2), database.databaseUrl)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([one?.stop(), two?.stop()]);
  await database?.destroy();
});

async function page(url: string, cookie: string) {
  const response = await fetch(url, { headers: { cookie }, redirect: "manual" });
  return { status: response.status, body: await response.text() };
}

/** The part of the conflict message before the name and time it inserts. */
const conflictMessage = messages.en.Forms.conflict.split("({when})")[0]!.replace("{name} ", "");

describe("two instances on one database", () => {
  it("honours a session made on the other instance, and saves a form the other instance rendered", async () => {
    const cookie = await signIn(one.url, "coordinator@iwgtip.example");
    expect(cookie).toBeTruthy();

    // Signed in, not sent to the sign-in page: the user menu names the coordinator.
    const onTwo = await page(`${two.url}/en/initiatives`, cookie!);
    expect(onTwo.status).toBe(200);
    const [coordinator] = await database.query<{ name: string }>("SELECT display_name AS name FROM users WHERE email = 'coordinator@iwgtip.example'");
    expect(onTwo.body).toContain(coordinator!.name);

    const id = await anInitiativeId(one.url, cookie!);
    const rendered = await page(`${one.url}/en/initiatives/${id}/update`, cookie!);
    const fields = withValues(formFields(rendered.body, "status-update-form"), {
      reportingPeriod: "2026-27 Q3",
      health: "AMBER",
      progress: "42",
      narrativeEn: "posted-on-the-other-instance",
      narrativeFr: "publiée sur l'autre instance",
    });
    const saved = await postForm(`${two.url}/en/initiatives/${id}/update`, fields, cookie!);
    expect(saved.status, saved.body.slice(0, 500)).toBe(303);
    expect(saved.location).toBe(`/en/initiatives/${id}`);

    const [row] = await database.query<{ author: string; events: number }>(
      `SELECT u.email AS author,
              (SELECT count(*)::int FROM audit_events a WHERE a.action = 'statusUpdate.create' AND a.entity_id = su.id::text) AS events
         FROM status_updates su JOIN users u ON u.id = su.author_id WHERE su.narrative_en = 'posted-on-the-other-instance'`,
    );
    expect(row).toEqual({ author: "coordinator@iwgtip.example", events: 1 });
  });

  it("gives exactly one success to 50 simultaneous conflicting saves spread over both instances", async () => {
    const cookies = [await signIn(one.url, "coordinator@iwgtip.example"), await signIn(two.url, "admin@iwgtip.example")];
    const id = await anInitiativeId(one.url, cookies[0]!, 1);
    const edit = await page(`${one.url}/en/initiatives/${id}/edit`, cookies[0]!);
    const fields = formFields(edit.body, "initiative-form");
    const version = Number(fields.find(([name]) => name === "version")?.[1]);
    const [before] = await database.query<{ version: number; events: number }>(
      `SELECT version, (SELECT count(*)::int FROM audit_events WHERE action = 'initiative.update' AND entity_id = $1) AS events FROM initiatives WHERE id = $1::uuid`,
      [id],
    );
    expect(before!.version).toBe(version);

    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, n) => {
        const portal = n % 2 === 0 ? one : two;
        return postForm(`${portal.url}/en/initiatives/${id}/edit`, withValues(fields, { titleEn: `Concurrent title ${n}` }), cookies[n % 2]!).then(
          (answer) => ({ n, ...answer }),
        );
      }),
    );

    const saved = answers.filter((answer) => answer.status === 303);
    const refused = answers.filter((answer) => answer.status === 200 && answer.body.includes(conflictMessage));
    const other = answers.filter((answer) => !saved.includes(answer) && !refused.includes(answer));
    expect(other.map((answer) => `${answer.n}: ${answer.status} ${answer.body.slice(0, 200)}`)).toEqual([]);
    expect(saved).toHaveLength(1);
    expect(refused).toHaveLength(49);
    // What the refused users typed is still in their form.
    expect(refused.every((answer) => answer.body.includes(`Concurrent title ${answer.n}`))).toBe(true);

    const [after] = await database.query<{ version: number; title: string; events: number }>(
      `SELECT version, title_en AS title,
              (SELECT count(*)::int FROM audit_events WHERE action = 'initiative.update' AND entity_id = $1) AS events
         FROM initiatives WHERE id = $1::uuid`,
      [id],
    );
    expect(after).toEqual({ version: version + 1, title: `Concurrent title ${saved[0]!.n}`, events: before!.events + 1 });
  });

  it("locks an account for one address after five wrong passwords, whichever instance each was typed on", async () => {
    const email = "rep.swc@iwgtip.example";
    // Each guess a minute apart (the clock moved back in the database), past the growing delays between guesses.
    const aMinuteLater = () => database.query("UPDATE sign_in_attempts SET attempted_at = attempted_at - interval '61 seconds' WHERE email = $1", [email]);
    for (let attempt = 0; attempt < 5; attempt++) {
      const portal = attempt % 2 === 0 ? one : two;
      expect(await signIn(portal.url, email, { password: `wrong-${attempt}`, from: "198.51.100.7" })).toBeNull();
      await aMinuteLater();
    }
    // The right password, from that address, on either instance: refused while the lock lasts.
    expect(await signIn(one.url, email, { from: "198.51.100.7" })).toBeNull();
    expect(await signIn(two.url, email, { from: "198.51.100.7" })).toBeNull();
    // From another address the owner signs in: the lock is the address's, not the account's.
    expect(await signIn(two.url, email, { from: "198.51.100.8" })).toBeTruthy();
    const [user] = await database.query<{ locked: boolean }>("SELECT coalesce(locked_until > now(), false) AS locked FROM users WHERE email = $1", [email]);
    expect(user!.locked).toBe(false);
    const reasons = await database.query<{ reason: string; count: number }>(
      `SELECT after->>'reason' AS reason, count(*)::int AS count FROM audit_events
        WHERE action = 'auth.sign_in_failed' AND after->>'email' = $1 GROUP BY 1 ORDER BY 1`,
      [email],
    );
    expect(reasons).toEqual([
      { reason: "locked", count: 2 },
      { reason: "wrong_password", count: 5 },
    ]);
  });

  it("refuses an address after 20 failed attempts, counted over both instances", async () => {
    const address = "198.51.100.20";
    // Unknown accounts, so that no account is locked: only the address is counted. Both instances at once.
    await Promise.all(
      Array.from({ length: 20 }, (_, n) => signIn((n % 2 === 0 ? one : two).url, `nobody-${n}@iwgtip.example`, { password: "wrong", from: address })),
    );
    // A right password from that address is refused on either instance; from another address it is welcome.
    expect(await signIn(one.url, "rep.cic@iwgtip.example", { password: demoPassword, from: address })).toBeNull();
    expect(await signIn(two.url, "rep.cic@iwgtip.example", { password: demoPassword, from: address })).toBeNull();
    expect(await signIn(two.url, "rep.cic@iwgtip.example", { password: demoPassword, from: "198.51.100.21" })).toBeTruthy();
    const [throttled] = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events WHERE action = 'auth.sign_in_failed' AND ip = $1 AND after->>'reason' = 'throttled'`,
      [address],
    );
    expect(throttled!.count).toBe(2);
  });
});
