/**
 * PostgreSQL restarts under load (README "Security and reliability"). The production portal serves 20 clients
 * without pause — 16 reading pages in English or French, 4 posting status updates (each one a transaction writing
 * the update, the initiative's new health and two audit events) — while its database is stopped for several
 * seconds and started again. Then:
 *
 * - the Node process is the same one, still running, and healthy;
 * - every request made while the database was down was answered within 6 s, with the "service unavailable" page in
 *   the language of the page asked for, and no request at any point got an error page or a server error;
 * - the first request to succeed did so within 5 s of the database accepting connections again;
 * - no transaction is half-written: every status update has its two audit events and every audit event its update,
 *   and every update the portal confirmed is there.
 *
 * The bounds are those of the outage behaviour (connection timeout, pool), measured inside the test. A last test
 * shows, in Chromium, what a page cut off mid-render becomes: the same "service unavailable" message.
 */
import { chromium } from "@playwright/test";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_UNAVAILABLE_DIGEST } from "../../lib/errors/digest";
import {
  anInitiativeId,
  decodeEntities,
  formFields,
  type Locale,
  messages,
  OwnDatabase,
  type Portal,
  portalPort,
  postForm,
  signIn,
  startPortal,
  withValues,
} from "./support";

const READERS = 16;
const WRITERS = 4;
const OUTAGE_MS = 8_000;
const ANSWER_WITHIN_MS = 6_000;
const RECOVER_WITHIN_MS = 5_000;

type Outcome = "ok" | "unavailable" | "error";
interface Sample {
  client: string;
  kind: "read" | "write";
  locale: Locale;
  path: string;
  started: number;
  ended: number;
  status: number;
  outcome: Outcome;
  /** For writes: the token in the update's narrative. */
  token?: string;
  detail?: string;
}

let database: OwnDatabase;
let portal: Portal;

beforeAll(async () => {
  database = await OwnDatabase.create("restart");
  // A short statement timeout lets the last test cut a page off mid-render on purpose.
  portal = await startPortal(portalPort(0), database.databaseUrl, { DATABASE_STATEMENT_TIMEOUT_MS: "3000" });
}, 180_000);

afterAll(async () => {
  await portal?.stop();
  await database?.destroy();
});

/** The text of the page's first heading (the messages catalogue is also in every page's data, so look at markup only). */
function heading(body: string): string {
  return decodeEntities(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(body)?.[1]?.replace(/<[^>]+>/g, "") ?? "");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
}

/** The form of a status-update page answered, with the database-unavailable message and `typed` still in it. */
function formSaysUnavailable(locale: Locale, body: string, typed: string): boolean {
  return body.includes(`>${escapeHtml(messages[locale].Forms.unavailable)}<`) && body.includes(`>${escapeHtml(typed)}</textarea>`);
}

/**
 * What a page answered: the page itself, the "service unavailable" page in `locale`, or anything else.
 *
 * The unavailable page comes two ways. When the portal cannot read the signed-in user (any request made while the
 * database is down), the layout renders it on the server. When the database goes down in the middle of a page,
 * after the layout read the user, the page's own query fails: React cannot render an error boundary on the server,
 * so the answer is Next's 500 document carrying the error's digest, from which the browser renders the error page,
 * which says "service unavailable" for that digest (app/[locale]/(portal)/error.tsx).
 */
function classify(locale: Locale, status: number, body: string): { outcome: Outcome; detail?: string } {
  const title = heading(body);
  if (title === messages[locale].Errors.unavailableTitle) return { outcome: "unavailable", detail: String(status) };
  if (status === 500 && body.includes('id="__next_error__"') && body.includes(DATABASE_UNAVAILABLE_DIGEST)) {
    return { outcome: "unavailable", detail: "500, rendered by the browser" };
  }
  if (status === 200 && title !== "" && title !== messages.en.Errors.unavailableTitle && title !== messages.fr.Errors.unavailableTitle && title !== messages[locale].Errors.errorTitle) {
    return { outcome: "ok" };
  }
  return { outcome: "error", detail: `${status} "${title || body.slice(0, 200)}"` };
}

describe("a PostgreSQL restart under load", () => {
  it("keeps the portal up, answers 'service unavailable' in the user's language meanwhile, recovers at once, and loses no half of a transaction", async () => {
    const base = portal.url;
    const cookies = {
      en: (await signIn(base, "coordinator@iwgtip.example"))!,
      fr: (await signIn(base, "admin@iwgtip.example"))!,
    };
    expect(cookies.en && cookies.fr).toBeTruthy();
    const initiativeIds = await Promise.all([0, 1, 2, 3].map((index) => anInitiativeId(base, cookies.en, index)));
    const readPaths = (id: string) => ["/initiatives", `/initiatives/${id}`, "/dashboard", "/departments", "/action-items", "/meetings"];
    // The status-update form as rendered before the test: its hidden fields name the server action.
    const forms = await Promise.all(
      initiativeIds.map(async (id, index) => {
        const locale: Locale = index % 2 === 0 ? "en" : "fr";
        const path = `/${locale}/initiatives/${id}/update`;
        const html = await (await fetch(base + path, { headers: { cookie: cookies[locale] } })).text();
        return { locale, path, fields: formFields(html, "status-update-form") };
      }),
    );

    // A portal that has been serving for a while: every page once, so that the load meets no cold start.
    for (const locale of ["en", "fr"] as const) {
      for (const path of readPaths(initiativeIds[0]!)) await (await fetch(`${base}/${locale}${path}`, { headers: { cookie: cookies[locale] } })).text();
    }

    const samples: Sample[] = [];
    const pid = portal.process.pid;
    let running = true;

    const reader = async (n: number) => {
      const locale: Locale = n % 2 === 0 ? "en" : "fr";
      for (let i = 0; running; i++) {
        const paths = readPaths(initiativeIds[(n + i) % initiativeIds.length]!);
        const path = `/${locale}${paths[(n + i) % paths.length]}`;
        const started = Date.now();
        const response = await fetch(base + path, { headers: { cookie: cookies[locale] }, redirect: "manual" }).then(
          async (r) => ({ status: r.status, body: await r.text() }),
          (error: unknown) => ({ status: 0, body: String(error) }),
        );
        samples.push({ client: `reader-${n}`, kind: "read", locale, path, started, ended: Date.now(), status: response.status, ...classify(locale, response.status, response.body) });
      }
    };

    const writer = async (n: number) => {
      const form = forms[n]!;
      for (let i = 0; running; i++) {
        const token = `restart-${n}-${i}`;
        const fields = withValues(form.fields, {
          reportingPeriod: "2026-27 Q3",
          health: ["GREEN", "AMBER", "RED"][i % 3]!,
          progress: String(i % 101),
          narrativeEn: token,
          narrativeFr: token,
        });
        const started = Date.now();
        const answer = await postForm(base + form.path, fields, cookies[form.locale]).catch((error: unknown) => ({ status: 0, location: null, body: String(error) }));
        const ended = Date.now();
        // A saved update redirects to the initiative (303); anything else must be the unavailable page.
        // A saved update redirects to the initiative (303). One refused because the database was down comes back as
        // the unavailable page, or — when the database was back by the time the page was drawn again — as the form
        // saying so, with what was typed.
        let result: { outcome: Outcome; detail?: string } = answer.status === 303 ? { outcome: "ok" } : classify(form.locale, answer.status, answer.body);
        if (result.outcome === "ok" && answer.status !== 303) {
          result = formSaysUnavailable(form.locale, answer.body, token) ? { outcome: "unavailable", detail: "the form says so" } : { outcome: "error", detail: `the form again: ${heading(answer.body)}` };
        }
        samples.push({ client: `writer-${n}`, kind: "write", locale: form.locale, path: form.path, started, ended, status: answer.status, token, ...result });
      }
    };

    const clients = [...Array.from({ length: READERS }, (_, n) => reader(n)), ...Array.from({ length: WRITERS }, (_, n) => writer(n))];

    // All 20 busy with a healthy database: until every client has had two answers (the machine may be slow).
    for (let waited = 0; waited < 60_000; waited += 100) {
      const answered = new Map<string, number>();
      for (const sample of samples) answered.set(sample.client, (answered.get(sample.client) ?? 0) + 1);
      if (answered.size === READERS + WRITERS && [...answered.values()].every((count) => count >= 2)) break;
      await sleep(100);
    }
    const stopping = Date.now();
    await database.stop();
    const down = Date.now();
    await sleep(OUTAGE_MS);
    await database.start();
    const up = Date.now();
    // Long enough to see the recovery whatever it takes, then a little more.
    for (let waited = 0; waited < 15_000 && !samples.some((s) => s.outcome === "ok" && s.started >= up); waited += 100) await sleep(100);
    await sleep(2_000);
    running = false;
    await Promise.all(clients);

    const describeSample = (s: Sample) => `${s.client} ${s.path} +${s.started - down} ms → ${s.status} ${s.outcome} in ${s.ended - s.started} ms ${s.detail ?? ""}`;
    const report = () =>
      `stop took ${down - stopping} ms, outage ${up - down} ms; ${samples.length} requests\n` +
      samples.filter((s) => s.outcome !== "ok" || s.started >= down - 1_000).slice(0, 60).map(describeSample).join("\n") +
      `\n(the portal's log: ${portal.logFile})`;

    // The Node process lived through it and serves again.
    expect(portal.process.exitCode, report()).toBeNull();
    expect(portal.process.pid).toBe(pid);
    expect((await fetch(`${base}/api/health`)).status).toBe(200);

    // Before the outage everything worked, and nothing anywhere was an error page or a server error.
    const before = samples.filter((s) => s.ended < stopping);
    expect(before.length).toBeGreaterThanOrEqual(2 * (READERS + WRITERS));
    expect(before.every((s) => s.outcome === "ok"), report()).toBe(true);
    expect(samples.filter((s) => s.outcome === "error").map(describeSample), report()).toEqual([]);

    // While the database was down: the unavailable page, in the page's language, within 6 s.
    const duringOutage = samples.filter((s) => s.started >= down && s.started < up);
    expect(duringOutage.length, report()).toBeGreaterThan(40);
    expect(duringOutage.filter((s) => s.ended <= up && s.outcome !== "unavailable").map(describeSample), report()).toEqual([]);
    expect(duringOutage.filter((s) => s.ended - s.started > ANSWER_WITHIN_MS).map(describeSample), report()).toEqual([]);
    expect(new Set(duringOutage.filter((s) => s.outcome === "unavailable").map((s) => `${s.kind} ${s.locale}`))).toEqual(
      new Set(["read en", "read fr", "write en", "write fr"]),
    );

    // Back within 5 s of the database accepting connections; and then for every client.
    const firstSuccess = Math.min(...samples.filter((s) => s.outcome === "ok" && s.ended >= up).map((s) => s.ended));
    console.log(`[restart] stop ${down - stopping} ms, outage ${up - down} ms, ${duringOutage.length} requests answered meanwhile (slowest ${Math.max(...duringOutage.map((s) => s.ended - s.started))} ms), first success ${firstSuccess - up} ms after the database was back; ${samples.filter((s) => s.detail === "500, rendered by the browser").length} pages cut off mid-render`);
    expect(firstSuccess - up, report()).toBeLessThanOrEqual(RECOVER_WITHIN_MS);
    const lastPerClient = new Map(samples.map((s) => [s.client, s]));
    expect([...lastPerClient.values()].filter((s) => s.outcome !== "ok").map(describeSample), report()).toEqual([]);

    // No half-written transaction: each status update of the test has its two audit events, and vice versa.
    const written = await database.query<{ id: string; token: string; request_id: string | null; created: number; initiative_events: number }>(
      `SELECT su.id, su.narrative_en AS token,
              (SELECT a.request_id FROM audit_events a WHERE a.action = 'statusUpdate.create' AND a.entity_id = su.id::text) AS request_id,
              (SELECT count(*)::int FROM audit_events a WHERE a.action = 'statusUpdate.create' AND a.entity_id = su.id::text) AS created,
              (SELECT count(*)::int FROM audit_events a
                 WHERE a.action = 'initiative.postStatusUpdate' AND a.entity_id = su.initiative_id::text
                   AND a.request_id = (SELECT b.request_id FROM audit_events b WHERE b.action = 'statusUpdate.create' AND b.entity_id = su.id::text)) AS initiative_events
         FROM status_updates su WHERE su.narrative_en LIKE 'restart-%'`,
    );
    const orphanEvents = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events a
        WHERE a.action = 'statusUpdate.create' AND a.after->>'narrativeEn' LIKE 'restart-%'
          AND NOT EXISTS (SELECT 1 FROM status_updates su WHERE su.id::text = a.entity_id)`,
    );
    const orphanInitiativeEvents = await database.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM audit_events a
        WHERE a.action = 'initiative.postStatusUpdate' AND a.occurred_at > now() - interval '10 minutes'
          AND NOT EXISTS (SELECT 1 FROM audit_events b WHERE b.action = 'statusUpdate.create' AND b.request_id = a.request_id)`,
    );
    expect(written.filter((row) => row.created !== 1 || row.initiative_events !== 1 || row.request_id === null)).toEqual([]);
    expect(orphanEvents[0]!.count).toBe(0);
    expect(orphanInitiativeEvents[0]!.count).toBe(0);

    const confirmed = samples.filter((s) => s.kind === "write" && s.outcome === "ok").map((s) => s.token!);
    const stored = new Set(written.map((row) => row.token));
    expect(confirmed.length).toBeGreaterThan(10);
    expect(confirmed.filter((token) => !stored.has(token))).toEqual([]);
    const attempted = new Set(samples.filter((s) => s.kind === "write").map((s) => s.token!));
    expect([...stored].filter((token) => !attempted.has(token))).toEqual([]);
  });
});

describe("cut off mid-request", () => {
  it("a form whose save could not reach the database says so, keeps what was typed, and saved nothing", async () => {
    const cookie = (await signIn(portal.url, "admin@iwgtip.example"))!;
    const id = await anInitiativeId(portal.url, cookie, 5);
    const path = `${portal.url}/fr/initiatives/${id}/update`;
    const html = await (await fetch(path, { headers: { cookie } })).text();
    const typed = "saisie conservée malgré la panne";
    const fields = withValues(formFields(html, "status-update-form"), { reportingPeriod: "2026-27 Q3", health: "RED", progress: "5", narrativeEn: "kept", narrativeFr: typed });
    // The page and the user are read; the insert waits on a lock until the statement timeout ends it.
    const locker = new pg.Client({ connectionString: database.databaseUrl });
    await locker.connect();
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE status_updates IN ACCESS EXCLUSIVE MODE");
      const answer = await postForm(path, fields, cookie);
      await locker.query("ROLLBACK");
      expect(answer.status).toBe(200);
      expect(formSaysUnavailable("fr", answer.body, typed), answer.body.slice(0, 300)).toBe(true);
    } finally {
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
    expect(await database.query("SELECT 1 FROM status_updates WHERE narrative_fr = $1", [typed])).toEqual([]);
  });


  it("a page says 'service unavailable' in its language once the browser has rendered it", async () => {
    const cookie = (await signIn(portal.url, "coordinator@iwgtip.example"))!;
    // The layout reads the user; the page's own query then waits on a lock until the statement timeout, as a query
    // cut off by a restart would fail: Next answers 500 with the error's digest, and the browser renders the page.
    const locker = new pg.Client({ connectionString: database.databaseUrl });
    await locker.connect();
    const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
    try {
      await locker.query("BEGIN");
      await locker.query("LOCK TABLE initiatives IN ACCESS EXCLUSIVE MODE");
      const context = await browser.newContext();
      const [name, value] = cookie.split("=") as [string, string];
      await context.addCookies([{ name, value, url: portal.url }]);
      const page = await context.newPage();
      const response = await page.goto(`${portal.url}/fr/initiatives`);
      expect(response?.status()).toBe(500);
      await expect.poll(() => page.locator("h1").textContent(), { timeout: 10_000 }).toBe(messages.fr.Errors.unavailableTitle);
      await expect.poll(() => page.getByRole("alert").first().textContent()).toContain(messages.fr.Errors.unavailableBody);
    } finally {
      await browser.close();
      await locker.query("ROLLBACK").catch(() => {});
      await locker.end();
    }
  });
});

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
