import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { RouteRequest } from "./measure";

export type BenchRoute = {
  name: string;
  request: RouteRequest;
  reference?: boolean;
  bundleRoute: string;
  /** Whether a response shows the route worked (default: any status below 400). */
  succeeded?: (response: Response, body: string) => boolean;
};

/** The id Next gave a server action in this build (ids change with every build). */
async function serverActionId(projectRoot: string, file: string, exportedName: string): Promise<string> {
  const manifest = JSON.parse(await readFile(path.join(projectRoot, ".next", "server", "server-reference-manifest.json"), "utf8")) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const found = Object.entries(manifest.node).find(([, action]) => action.filename === file && action.exportedName === exportedName);
  if (!found) throw new Error(`server action ${exportedName} of ${file} is not in the build`);
  return found[0];
}

/**
 * The body of a server action call as React's client sends it for `useActionState` with a form
 * (encodeReply of [previous state, FormData]): the form's fields prefixed `_1_`, and field `0` with the
 * arguments, the second being a reference to those fields.
 */
function actionBody(fields: Record<string, string>): { body: string; contentType: string } {
  const boundary = "----bench-form-boundary-7f3a";
  const parts = [...Object.entries(fields).map(([name, value]) => [`_1_${name}`, value]), ["0", JSON.stringify([{ status: "idle" }, "$K1"])]];
  const body = parts.map(([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`).join("") + `--${boundary}--\r\n`;
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * The routes the benchmark measures, resolved against the scale database (ids differ per
 * database) and the build (server action ids). The reference page has the same layout, session
 * check and policy as the others and reads nothing else, so ratios to it isolate each route's own work.
 */
export async function benchRoutes(databaseUrl: string, projectRoot: string, baseUrl: string): Promise<BenchRoute[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const initiative = await client.query<{ id: string }>("SELECT id FROM initiatives WHERE code = 'BEN-000123'");
    // Updates are posted to another initiative, so the page measured does not grow during the run.
    const updated = await client.query<{ id: string }>("SELECT id FROM initiatives WHERE code = 'BEN-000124'");
    const meeting = await client.query<{ id: string }>("SELECT id FROM meetings ORDER BY starts_at DESC LIMIT 1");
    // Issue 22: the initiative with 200 comments (bench/scale-data.sql).
    const discussed = await client.query<{ id: string }>("SELECT initiative_id AS id FROM comments GROUP BY initiative_id ORDER BY count(*) DESC LIMIT 1");
    // Issue 18: an indicator of the scale data (bench/scale-data.sql), else the seed's convictions indicator.
    const indicator = await client.query<{ id: string }>("SELECT id FROM indicators WHERE code IN ('BIN-000123-01', 'IND-0003') ORDER BY code LIMIT 1");
    const initiativeId = initiative.rows[0]?.id ?? "missing";
    const updatedId = updated.rows[0]?.id ?? "missing";
    const meetingId = meeting.rows[0]?.id ?? "missing";
    const postFields = {
      initiativeId: updatedId,
      reportingPeriod: "2026-27 Q3",
      health: "AMBER",
      progress: "55",
      narrativeEn: "Benchmark update: work continues as planned.",
      narrativeFr: "Mise à jour du banc d'essai : les travaux se poursuivent comme prévu.",
    };
    // The form sends a new idempotency key with every submission (components/forms/idempotency-key-field.tsx): one
    // key for every request would measure replays after the first, so each request carries its own.
    const post = () => actionBody({ ...postFields, idempotencyKey: randomUUID() });
    return [
      { name: "reference", request: { method: "GET", path: "/en/about" }, reference: true, bundleRoute: "/[locale]/about" },
      { name: "dashboard", request: { method: "GET", path: "/en/dashboard" }, bundleRoute: "/[locale]/dashboard" },
      {
        name: "initiatives list (filter + search)",
        request: { method: "GET", path: "/en/initiatives?pillar=PREVENTION&q=training" },
        bundleRoute: "/[locale]/initiatives",
      },
      { name: "initiative page", request: { method: "GET", path: `/en/initiatives/${initiativeId}` }, bundleRoute: "/[locale]/initiatives/[id]" },
      {
        // What the update form's submit sends when JavaScript runs: a POST of the server action to the form's page.
        name: "post a status update",
        request: {
          method: "POST",
          path: `/en/initiatives/${updatedId}/update`,
          headers: {
            "next-action": await serverActionId(projectRoot, "app/[locale]/(portal)/initiatives/actions.ts", "postStatusUpdateAction"),
            "content-type": post().contentType,
            accept: "text/x-component",
            origin: baseUrl,
          },
          freshBody: () => post().body,
        },
        bundleRoute: "/[locale]/initiatives/[id]/update",
        // A saved update answers with where the form goes next (the initiative); a refused one with the form's errors.
        succeeded: (response, body) => response.status === 200 && body.includes('"redirectTo"'),
      },
      { name: "agenda builder", request: { method: "GET", path: `/en/meetings/${meetingId}/agenda` }, bundleRoute: "/[locale]/meetings/[id]/agenda" },
      // Documents (issue 20): the meeting page with its papers (requests, each item's documents, the upload forms).
      { name: "meeting page (papers)", request: { method: "GET", path: `/en/meetings/${meetingId}` }, bundleRoute: "/[locale]/meetings/[id]" },
      { name: "department page", request: { method: "GET", path: "/en/departments/RCMP" }, bundleRoute: "/[locale]/departments/[acronym]" },
      // The translation queue (issue 21): every tracked text joined with its language state, word counts in SQL.
      { name: "translation queue", request: { method: "GET", path: "/en/translation" }, bundleRoute: "/[locale]/translation" },
      // Issue 22: a discussion of 200 comments (one statement for the threads) and the notification centre.
      { name: "initiative page, 200 comments", request: { method: "GET", path: `/en/initiatives/${discussed.rows[0]?.id ?? "missing"}` }, bundleRoute: "/[locale]/initiatives/[id]" },
      { name: "notifications", request: { method: "GET", path: "/en/notifications" }, bundleRoute: "/[locale]/notifications" },
      // Issue 19.4/19.5: the reports page (years and downloads), a year's annual report page, and the generation of the
      // Treasury Board table as .xlsx for a funded year of the scale data (time and the server's peak memory).
      { name: "reports page", request: { method: "GET", path: "/en/reports" }, bundleRoute: "/[locale]/reports" },
      { name: "annual report page", request: { method: "GET", path: "/en/reports/annual/2021-22" }, bundleRoute: "/[locale]/reports/annual/[fiscalYear]" },
      { name: "Treasury Board table (.xlsx)", request: { method: "GET", path: "/api/reports/treasury-board/2021-22/xlsx?locale=en" }, bundleRoute: "/api/reports/treasury-board/[fiscalYear]/xlsx" },
      // The results framework (issue 18): the overview, a pillar's results, an indicator; its downloads (issue 19.2).
      { name: "results overview", request: { method: "GET", path: "/en/results" }, bundleRoute: "/[locale]/results" },
      { name: "pillar results", request: { method: "GET", path: "/en/results/PREVENTION" }, bundleRoute: "/[locale]/results/[code]" },
      { name: "indicator page", request: { method: "GET", path: `/en/indicators/${indicator.rows[0]?.id ?? "missing"}` }, bundleRoute: "/[locale]/indicators/[id]" },
      { name: "results table (.xlsx)", request: { method: "GET", path: "/api/results/export/xlsx?pillar=PREVENTION" }, bundleRoute: "/api/results/export/xlsx" },
    ];
  } finally {
    await client.end();
  }
}
