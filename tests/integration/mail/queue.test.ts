/**
 * The job queue (graphile-worker) under the outbox: jobs are added by SQL in the transaction of the change, deduplicated
 * by key, run by a continuously running worker (LISTEN/NOTIFY), and installed by the portal's migrations with no more
 * than a database owner may do.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { run, type Runner } from "graphile-worker";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrate } from "../../../scripts/db/migrate";
import { db } from "@/lib/db";
import { requeueDueMessages } from "@/lib/jobs/deliver";
import { JOB_QUEUE_SCHEMA, TASK, cronItems, deliveryJobKey, guardQueuePool, queueLogger } from "@/lib/jobs/queue";
import { portalTasks } from "@/lib/jobs/worker";
import { setMailPaused } from "@/lib/mail/commands";
import { enqueueMessages, type QueuedMessage } from "@/lib/mail/outbox";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { sessionUser } from "../../support/database";
import { serverUrl, withClient } from "../db/temporary-database";
import { meetingWithJusItem, newDocument, samplePdf, upload } from "../documents/support";
import { SMTP_PORT_BASE } from "./fixtures";
import { startSmtpTestServer } from "./smtp-test-server";

const FROM = "IWGTIP Portal <no-reply@iwgtip.example>";

function plainMessage(toAddress: string, key: string): QueuedMessage {
  return { dedupeKey: key, kind: null, recipientId: null, toAddress, language: "en", subject: `Queue ${key}`, textBody: "Hello", htmlBody: "<p>Hello</p>" };
}

type JobRow = { key: string | null; task_identifier: string; run_at: Date; attempts: number; payload: unknown };

async function jobsWithKey(key: string): Promise<JobRow[]> {
  // The view has no payload; the job's own table has (read here only, never written).
  return db.$queryRaw<JobRow[]>`
    SELECT j.key, j.task_identifier, j.run_at, j.attempts, p.payload
      FROM graphile_worker.jobs j JOIN graphile_worker._private_jobs p ON p.id = j.id
     WHERE j.key = ${key}`;
}

async function messageRow(dedupeKey: string) {
  return db.outboundMessage.findUnique({ where: { dedupeKey } });
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the transactional outbox on graphile-worker", () => {
  it("adds the delivery job in the transaction that queues the message, and none when it rolls back", async () => {
    const address = `rollback-${randomUUID()}@iwgtip.example`;
    const key = `test.queue.rollback:${address}`;
    await expect(
      db.$transaction(async (tx) => {
        expect(await enqueueMessages(tx, [plainMessage(address, key)])).toBe(1);
        // Inside the transaction the job exists already, beside its row …
        const [row] = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM outbound_messages WHERE dedupe_key = ${key}`;
        const [job] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${deliveryJobKey(row!.id)}`;
        expect(job?.n).toBe(1);
        throw new Error("the change fails");
      }),
    ).rejects.toThrow("the change fails");
    // … and neither survives the rollback.
    expect(await messageRow(key)).toBeNull();
    const [orphans] = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM graphile_worker._private_jobs p
       WHERE p.key LIKE ${`${TASK.deliverMessage}:%`}
         AND NOT EXISTS (SELECT 1 FROM outbound_messages m WHERE p.key = ${`${TASK.deliverMessage}:`} || m.id::text)`;
    expect(orphans?.n).toBe(0);
  });

  it("adds one job per message, at its time; queuing the same notice again adds no job", async () => {
    const address = `dedupe-${randomUUID()}@iwgtip.example`;
    const key = `test.queue.dedupe:${address}`;
    await db.$transaction(async (tx) => {
      await enqueueMessages(tx, [plainMessage(address, key)]);
    });
    const row = await messageRow(key);
    expect(row?.status).toBe("QUEUED");
    const jobs = await jobsWithKey(deliveryJobKey(row!.id));
    expect(jobs).toEqual([{ key: deliveryJobKey(row!.id), task_identifier: TASK.deliverMessage, run_at: row!.nextAttemptAt, attempts: 0, payload: { id: row!.id } }]);

    expect(await enqueueMessages(db, [plainMessage(address, key)])).toBe(0);
    expect(await jobsWithKey(deliveryJobKey(row!.id))).toHaveLength(1);

    // A new time for the row (a retry's back-off) moves its one job, rather than adding one.
    const later = new Date(Date.now() + 3_600_000);
    await db.outboundMessage.update({ where: { id: row!.id }, data: { nextAttemptAt: later } });
    const moved = await jobsWithKey(deliveryJobKey(row!.id));
    expect(moved).toHaveLength(1);
    expect(moved[0]?.run_at.getTime()).toBe(later.getTime());
    // Sent or failed rows get no job from a change.
    await db.outboundMessage.update({ where: { id: row!.id }, data: { status: "FAILED", failureReason: "rejected" } });
    await db.$executeRaw`SELECT graphile_worker.remove_job(${deliveryJobKey(row!.id)})`;
    await db.outboundMessage.update({ where: { id: row!.id }, data: { lastError: "x" } });
    expect(await jobsWithKey(deliveryJobKey(row!.id))).toHaveLength(0);
  });

  it("re-queues a due message whose job is gone (mail resumed, a row from the old queue), once", async () => {
    const address = `sweep-${randomUUID()}@iwgtip.example`;
    const key = `test.queue.sweep:${address}`;
    await enqueueMessages(db, [plainMessage(address, key)]);
    const row = await messageRow(key);
    await db.$executeRaw`SELECT graphile_worker.remove_job(${deliveryJobKey(row!.id)})`;
    expect(await jobsWithKey(deliveryJobKey(row!.id))).toHaveLength(0);

    expect(await requeueDueMessages(db)).toBeGreaterThanOrEqual(1);
    expect(await jobsWithKey(deliveryJobKey(row!.id))).toHaveLength(1);
    // A row that has its job is left alone.
    await requeueDueMessages(db);
    expect(await jobsWithKey(deliveryJobKey(row!.id))).toHaveLength(1);
  });

  it("queues the sweep in the transaction that resumes mail, so what waited goes out at once", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    await db.$executeRaw`SELECT graphile_worker.remove_job(${TASK.requeueMessages}::text)`;
    expect(await setMailPaused(admin, { paused: true })).toMatchObject({ ok: true });
    const sweeps = () => db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${TASK.requeueMessages}`;
    expect((await sweeps())[0]?.n).toBe(0);
    expect(await setMailPaused(admin, { paused: false })).toMatchObject({ ok: true });
    expect((await sweeps())[0]?.n).toBe(1);
    await db.$executeRaw`SELECT graphile_worker.remove_job(${TASK.requeueMessages}::text)`;
  });

  it("queues the text extraction of an uploaded paper, one job for a burst of uploads", async () => {
    await db.$executeRaw`SELECT graphile_worker.remove_job(${TASK.extractDocumentTexts}::text)`;
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    const { item } = await meetingWithJusItem();
    for (const title of ["Queue one", "Queue two"]) {
      const uploaded = await upload(coordinator, newDocument("agendaItem", item.id, { titleEn: title, titleFr: title, fileName: "q.pdf" }), samplePdf(title));
      expect(uploaded.body.ok).toBe(true);
    }
    const jobs = await db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key = ${TASK.extractDocumentTexts}`;
    expect(jobs[0]?.n).toBe(1);
    await db.$executeRaw`SELECT graphile_worker.remove_job(${TASK.extractDocumentTexts}::text)`;
  });

  it("has the crontab of the five-minute scheduler, the minute sweep and the extraction sweep, each under a job key", () => {
    expect(cronItems().map((item) => [item.identifier, item.task, item.options.jobKey])).toEqual([
      [TASK.scheduledNotices, TASK.scheduledNotices, TASK.scheduledNotices],
      [TASK.requeueMessages, TASK.requeueMessages, TASK.requeueMessages],
      [TASK.extractDocumentTexts, TASK.extractDocumentTexts, TASK.extractDocumentTexts],
    ]);
  });
});

describe("the running worker", () => {
  let server: Awaited<ReturnType<typeof startSmtpTestServer>>;
  let transport: MailTransport;
  let pool: pg.Pool;
  let runner: Runner;

  beforeAll(async () => {
    server = await startSmtpTestServer(SMTP_PORT_BASE + 2);
    transport = createSmtpTransport({ host: "127.0.0.1", port: SMTP_PORT_BASE + 2, secure: false });
    pool = guardQueuePool(new pg.Pool({ connectionString: serverUrl(), max: 4 }));
    runner = await run({ pgPool: pool, schema: JOB_QUEUE_SCHEMA, logger: queueLogger, concurrency: 2, noHandleSignals: true, pollInterval: 60_000, taskList: { [TASK.deliverMessage]: portalTasks(transport, FROM)[TASK.deliverMessage]! } });
  });

  afterAll(async () => {
    await runner.stop();
    await pool.end();
    transport.close();
    await server.close();
  });

  it("sends a message moments after the transaction that queued it commits, without polling", async () => {
    const address = `listen-${randomUUID()}@iwgtip.example`;
    const key = `test.queue.listen:${address}`;
    await db.$transaction(async (tx) => {
      await enqueueMessages(tx, [plainMessage(address, key)]);
    });
    // The poll interval is a minute: only LISTEN/NOTIFY can make this quick.
    const sent = await until(() => messageRow(key), (row) => row?.status === "SENT", 15_000);
    expect(sent).toMatchObject({ status: "SENT", attempts: 1 });
    expect(server.received.filter((mail) => mail.to.includes(address)).map((mail) => mail.subject)).toEqual([`Queue ${key}`]);
    // The finished job is gone from the queue.
    expect(await until(() => jobsWithKey(deliveryJobKey(sent!.id)), (jobs) => jobs.length === 0, 5_000)).toHaveLength(0);
  });
});

describe("installing the queue's schema", () => {
  it("needs no more than the owner of the database may do (no superuser), and a second run changes nothing", async () => {
    const suffix = randomBytes(5).toString("hex");
    const role = `iwgtip_it_owner_${suffix}`;
    const name = `iwgtip_it_queue_${suffix}`;
    const password = randomBytes(12).toString("hex");
    const admin = new URL(serverUrl());
    admin.pathname = "/postgres";
    await withClient(admin.toString(), async (client) => {
      await client.query(`CREATE ROLE ${role} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE PASSWORD '${password}'`);
      await client.query(`CREATE DATABASE ${name} OWNER ${role}`);
    });
    const url = new URL(serverUrl());
    url.username = role;
    url.password = password;
    url.pathname = `/${name}`;
    try {
      await migrate(url.toString(), { quiet: true });
      await migrate(url.toString(), { quiet: true });
      await withClient(url.toString(), async (client) => {
        const owner = await client.query<{ owner: string; superuser: boolean }>(
          `SELECT pg_get_userbyid(n.nspowner) AS owner, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS superuser
             FROM pg_namespace n WHERE n.nspname = 'graphile_worker'`,
        );
        expect(owner.rows).toEqual([{ owner: role, superuser: false }]);
        // The outbox works for that role: the insert queues its job.
        await client.query(
          `INSERT INTO outbound_messages (id, dedupe_key, to_address, language, subject, text_body, html_body)
           VALUES (gen_random_uuid(), 'owner-test', 'a@b.example', 'en', 's', 't', 'h')`,
        );
        const jobs = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE task_identifier = 'deliver_message'");
        expect(jobs.rows[0]?.n).toBe(1);
      });
    } finally {
      await withClient(admin.toString(), async (client) => {
        await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await client.query(`DROP ROLE IF EXISTS ${role}`);
      });
    }
  }, 120_000);
});
