import type pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createDatabaseClient, db } from "@/lib/db";
import { deliverDueMessages } from "@/lib/jobs/deliver";
import { setMailPaused } from "@/lib/mail/commands";
import { enqueueMessages, type QueuedMessage } from "@/lib/mail/outbox";
import { getOutboxOverview } from "@/lib/mail/queries";
import { meetingUid } from "@/lib/meetings/ics";
import { createSmtpTransport, type MailTransport } from "@/lib/mail/transport";
import { notifyAgendaPublished, notifyUpdateCallOpened } from "@/lib/notifications";
import { sessionUser } from "../../support/database";
import { BASE_URL, SMTP_PORT_BASE, quietDepartment, track, cleanUp, makeInitiative, makeUser, outboxFor, uniqueSequenceNumber } from "./fixtures";
import { startSmtpTestServer } from "./smtp-test-server";

const FROM = "IWGTIP Portal <no-reply@iwgtip.example>";
const REFUSED = "no-such-mailbox@iwgtip.example";

let server: Awaited<ReturnType<typeof startSmtpTestServer>>;
let transport: MailTransport;

beforeAll(async () => {
  server = await startSmtpTestServer(SMTP_PORT_BASE, { refuse: [REFUSED] });
  transport = createSmtpTransport({ host: "127.0.0.1", port: SMTP_PORT_BASE, secure: false });
});

afterEach(cleanUp);

afterAll(async () => {
  transport.close();
  await server.close();
});

/** Runs one worker (graphile-worker's runOnce over `pool`, default the pool under `db`) until nothing is due. */
async function drain(worker: { client: typeof db; transport: MailTransport; pool?: pg.Pool } = { client: db, transport }) {
  for (let round = 0; round < 50; round += 1) {
    const report = await deliverDueMessages({ ...worker, from: FROM, batchSize: 5 });
    if (report.claimed === 0) return;
  }
  throw new Error("the outbox did not drain");
}

const receivedBy = (address: string) => server.received.filter((mail) => mail.to.includes(address));

function plainMessage(toAddress: string, key: string): QueuedMessage {
  return { dedupeKey: key, kind: null, recipientId: null, toAddress, language: "en", subject: `Test ${key}`, textBody: "Hello", htmlBody: "<p>Hello</p>" };
}

describe("mail delivery over SMTP", () => {
  it("delivers an update-call notice in both languages, the recipient's first, with links to the page", async () => {
    const department = await quietDepartment("PCO");
    const english = await makeUser({ departmentId: department.id, language: "en", name: "Alex Martin" });
    const french = await makeUser({ departmentId: department.id, language: "fr", name: "Camille Tremblay" });
    const initiative = await makeInitiative(department.id, { en: "Victim hotline", fr: "Ligne d'aide aux victimes" });
    const call = await db.updateCall.create({
      data: { reportingPeriod: "2007-08 Q3", dueDate: new Date("2007-11-30T00:00:00Z"), initiatives: { create: [{ initiativeId: initiative.id }] } },
    });
    track("updateCalls", call.id);

    expect(await notifyUpdateCallOpened(call.id, { baseUrl: BASE_URL })).toBe(2);
    await drain();

    const [toEnglish] = receivedBy(english.email);
    const [toFrench] = receivedBy(french.email);
    expect(receivedBy(english.email)).toHaveLength(1);
    expect(toEnglish?.from).toBe("no-reply@iwgtip.example");
    expect(toEnglish?.subject).toBe("Call for updates: 2007-08 Q3, due November 30, 2007 / Appel de mises à jour : 2007-08 Q3, à remettre le 30 novembre 2007");
    expect(toFrench?.subject).toBe("Appel de mises à jour : 2007-08 Q3, à remettre le 30 novembre 2007 / Call for updates: 2007-08 Q3, due November 30, 2007");

    const text = toEnglish?.text ?? "";
    expect(text.indexOf("Hello Alex Martin,")).toBeGreaterThan(-1);
    expect(text.indexOf("Hello Alex Martin,")).toBeLessThan(text.indexOf("Bonjour Alex Martin,"));
    expect(text).toContain(`${initiative.code} — Victim hotline`);
    expect(text).toContain(`${initiative.code} — Ligne d'aide aux victimes`);
    expect(text).toContain(`${BASE_URL}/en/update-calls`);
    expect(text).toContain(`${BASE_URL}/fr/update-calls`);
    const frenchText = toFrench?.text ?? "";
    expect(frenchText.indexOf("Bonjour Camille Tremblay,")).toBeLessThan(frenchText.indexOf("Hello Camille Tremblay,"));

    expect(toEnglish?.html).toContain('<div lang="en">');
    expect(toEnglish?.html).toContain('<div lang="fr">');
    expect(toEnglish?.html).toContain(`<a href="${BASE_URL}/fr/update-calls">Voir l&#39;appel de mises à jour</a>`);

    const rows = await outboxFor(call.id);
    expect(rows.map((row) => row.status)).toEqual(["SENT", "SENT"]);
    expect(rows.every((row) => row.sentAt && row.attempts === 1 && row.smtpMessageId)).toBe(true);
  });

  it("attaches the calendar invitation to a published agenda", async () => {
    const department = await quietDepartment("PCH");
    const rep = await makeUser({ departmentId: department.id, language: "fr" });
    const meeting = await db.meeting.create({
      data: {
        sequenceNumber: uniqueSequenceNumber(),
        titleEn: "IWGTIP meeting, fall",
        titleFr: "Réunion du GTITP, automne",
        startsAt: new Date("2007-10-16T13:30:00Z"),
        endsAt: new Date("2007-10-16T15:30:00Z"),
        location: "284 Wellington St., Ottawa",
        agendaStatus: "PUBLISHED",
        publishedAt: new Date(),
        icsSequence: 2,
      },
    });
    await notifyAgendaPublished(meeting.id, { baseUrl: BASE_URL });
    await drain();

    const [mail] = receivedBy(rep.email);
    expect(mail?.subject).toContain("Ordre du jour publié : Réunion du GTITP, automne");
    expect(mail?.text).toContain("mardi 16 octobre 2007");
    // A real invitation: a text/calendar part with its METHOD (RFC 6047), and the same event as an .ics file.
    expect(mail?.raw).toMatch(/Content-Type: text\/calendar; charset=utf-8; method=REQUEST/i);
    expect(mail?.attachments).toHaveLength(1);
    const ics = mail?.attachments[0];
    expect(ics?.contentType).toContain("application/ics");
    expect(ics?.filename).toMatch(/\.ics$/);
    // The invitation and the .ics download name the same event.
    expect(ics?.content).toContain(`UID:${meetingUid(meeting.id)}`);
    expect(ics?.content).toContain("SEQUENCE:2");
    expect(ics?.content).toContain("DTSTART:20071016T133000Z");
    expect(ics?.content).toContain("LOCATION:284 Wellington St.\\, Ottawa");
  });

  it("never sends a message twice when two workers (two app instances) run at once", async () => {
    const address = `both-workers-${Date.now()}@iwgtip.example`;
    const keys = Array.from({ length: 30 }, (_, index) => `test.two-workers:${address}:${index}`);
    await enqueueMessages(db, keys.map((key) => plainMessage(address, key)));
    // Queuing the same notices again (a retried command, another instance) adds nothing.
    expect(await enqueueMessages(db, keys.map((key) => plainMessage(address, key)))).toBe(0);

    const first = createDatabaseClient(process.env.DATABASE_URL ?? "");
    const second = createDatabaseClient(process.env.DATABASE_URL ?? "");
    const otherTransport = createSmtpTransport({ host: "127.0.0.1", port: SMTP_PORT_BASE, secure: false });
    try {
      await Promise.all([drain({ client: first.client, pool: first.pool, transport }), drain({ client: second.client, pool: second.pool, transport: otherTransport })]);
    } finally {
      otherTransport.close();
      for (const handles of [first, second]) {
        await handles.client.$disconnect();
        await handles.pool.end();
      }
    }

    const subjects = receivedBy(address).map((mail) => mail.subject).sort();
    expect(subjects).toEqual(keys.map((key) => `Test ${key}`).sort());
    const rows = await db.outboundMessage.findMany({ where: { toAddress: address } });
    expect(rows.every((row) => row.status === "SENT" && row.attempts === 1)).toBe(true);
  });

  it("keeps messages queued with a backoff while the SMTP server is unreachable, then sends them", async () => {
    const address = `unreachable-${Date.now()}@iwgtip.example`;
    const key = `test.unreachable:${address}`;
    const started = Date.now();
    await enqueueMessages(db, [plainMessage(address, key)]);
    expect(Date.now() - started).toBeLessThan(2_000); // queuing never waits for SMTP

    const closedPort = SMTP_PORT_BASE + 1; // nothing listens there
    const down = createSmtpTransport({ host: "127.0.0.1", port: closedPort, secure: false });
    try {
      await deliverDueMessages({ client: db, transport: down, from: FROM });
    } finally {
      down.close();
    }
    const waiting = await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(waiting.status).toBe("QUEUED");
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toMatch(/ECONNREFUSED/);
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 30_000);

    // Not due yet: a worker with a working server leaves it alone until its next attempt.
    await drain();
    expect(receivedBy(address)).toHaveLength(0);

    await db.outboundMessage.update({ where: { dedupeKey: key }, data: { nextAttemptAt: new Date(Date.now() - 1_000) } });
    await drain();
    expect(receivedBy(address)).toHaveLength(1);
    const sent = await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(sent).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("fails an address the server refuses at once, without retrying, and reports it to administrators", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const before = await getOutboxOverview(admin);
    const key = `test.refused:${Date.now()}`;
    await enqueueMessages(db, [plainMessage(REFUSED, key)]);
    await drain();

    const failed = await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } });
    expect(failed).toMatchObject({ status: "FAILED", failureReason: "invalid_address", attempts: 1 });
    expect(failed.lastError).toMatch(/550/);
    await drain();
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).attempts).toBe(1);

    const after = await getOutboxOverview(admin);
    expect(after?.undeliverable).toBe((before?.undeliverable ?? 0) + 1);
  });

  it("fails an address that is not one without contacting the server", async () => {
    const key = `test.malformed:${Date.now()}`;
    await enqueueMessages(db, [plainMessage("not an address", key)]);
    const count = server.received.length;
    await drain();
    expect(await db.outboundMessage.findUniqueOrThrow({ where: { dedupeKey: key } })).toMatchObject({ status: "FAILED", failureReason: "invalid_address" });
    expect(server.received.length).toBe(count);
  });

  it("sends nothing while an administrator has paused mail, and everything once resumed", async () => {
    const admin = await sessionUser("admin@iwgtip.example");
    const address = `paused-${Date.now()}@iwgtip.example`;
    await enqueueMessages(db, [plainMessage(address, `test.paused:${address}`)]);
    expect(await setMailPaused(admin, { paused: true })).toMatchObject({ ok: true });
    try {
      const report = await deliverDueMessages({ client: db, transport, from: FROM });
      expect(report).toMatchObject({ paused: true, claimed: 0 });
      expect(receivedBy(address)).toHaveLength(0);
      expect((await getOutboxOverview(admin))?.paused).toBe(true);
    } finally {
      expect(await setMailPaused(admin, { paused: false })).toMatchObject({ ok: true });
    }
    await drain();
    expect(receivedBy(address)).toHaveLength(1);
    const audit = await db.auditEvent.findMany({ where: { action: "setting.update", entityId: "mail.paused", actorId: admin.id }, orderBy: { occurredAt: "desc" }, take: 2 });
    expect(audit.map((event) => event.after)).toEqual([{ value: false }, { value: true }]);
  });

  it("lets only administrators pause mail", async () => {
    const coordinator = await sessionUser("coordinator@iwgtip.example");
    expect(await setMailPaused(coordinator, { paused: true })).toEqual({ ok: false, code: "forbidden" });
    expect(await getOutboxOverview(coordinator)).toBeNull();
  });
});
