import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { submitProblemReport } from "@/lib/problem-reports/commands";
import { problemReportLimits } from "@/lib/problem-reports/schemas";
import { expectUnchanged, sessionUser } from "../../support/database";
import { BASE_URL, cleanUp, makeUser } from "../mail/fixtures";

afterEach(cleanUp);

/** An address no other test or run has used, so that each test's throttle counts only its own reports. */
const address = () => `198.51.100.${Math.floor(Math.random() * 250)}-${randomUUID().slice(0, 8)}`.slice(0, 64);
const options = (ip = address()) => ({ ip, locale: "en" as const, baseUrl: BASE_URL, requestId: `test-${randomUUID()}` });

/** A signed-in person of its own, so that reports of earlier runs do not count against this one. */
async function freshReporter() {
  const user = await makeUser({ role: "EXECUTIVE", name: "Problem Reporter" });
  return sessionUser(user.email);
}

describe("report a problem", () => {
  it("stores a signed-in person's report, audits it and queues one mail per active coordinator, in their language", async () => {
    const frenchCoordinator = await makeUser({ role: "COORDINATOR", language: "fr", name: "Coordonnatrice" });
    const reporter = await freshReporter();
    const call = options();
    const result = await submitProblemReport(reporter, { pagePath: "/en/initiatives?page=2", description: "  The funding table overflows the page.  ", contactEmail: "" }, call);
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) throw new Error("refused");

    const report = await db.problemReport.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(report).toMatchObject({ pagePath: "/en/initiatives?page=2", description: "The funding table overflows the page.", contactEmail: null, reporterId: reporter.id, locale: "en", requestId: call.requestId, ip: call.ip });

    const audit = await db.auditEvent.findMany({ where: { entityType: "problem_report", entityId: report.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "problem_report.create", actorId: reporter.id, requestId: call.requestId, ip: call.ip });
    expect(audit[0]!.after).toMatchObject({ pagePath: report.pagePath, description: report.description });

    const coordinators = await db.user.findMany({ where: { role: "COORDINATOR", active: true }, select: { id: true, email: true, preferredLanguage: true } });
    const mail = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `problem-report:${report.id}:` } } });
    expect(result.data.mailed).toBe(coordinators.length);
    expect(mail.map((message) => message.toAddress).sort()).toEqual(coordinators.map((coordinator) => coordinator.email).sort());
    const french = mail.find((message) => message.recipientId === frenchCoordinator.id)!;
    expect(french).toMatchObject({ language: "fr", status: "QUEUED" });
    expect(french.subject).toBe("Problème signalé dans le portail\u00a0: /en/initiatives?page=2 / Problem reported on the portal: /en/initiatives?page=2");
    expect(french.textBody).toContain("The funding table overflows the page.");
    expect(french.textBody).toContain(`Problem Reporter <${reporter.email}>`);
    expect(french.textBody).toContain(`${BASE_URL}/fr/admin/problem-reports`);
  });

  it("takes a report from a visitor who is not signed in, with the address they want a reply at", async () => {
    const call = { ...options(), locale: "fr" as const };
    const result = await submitProblemReport(null, { pagePath: "/fr/sign-in", description: "Le bouton est illisible.", contactEmail: "Visiteur@Example.gc.ca" }, call);
    if (!result.ok) throw new Error(`refused: ${result.code}`);
    const report = await db.problemReport.findUniqueOrThrow({ where: { id: result.data.id } });
    expect(report).toMatchObject({ reporterId: null, locale: "fr", ip: call.ip, contactEmail: "Visiteur@Example.gc.ca" });
    const [audit] = await db.auditEvent.findMany({ where: { entityType: "problem_report", entityId: report.id } });
    expect(audit).toMatchObject({ actorId: null, ip: call.ip });
    const mail = await db.outboundMessage.findMany({ where: { dedupeKey: { startsWith: `problem-report:${report.id}:` } } });
    expect(mail.length).toBeGreaterThan(0);
    expect(mail[0]!.textBody).toContain("Visiteur@Example.gc.ca");
  });

  it("refuses an empty report, one over 2,000 characters, a bad reply address and another site's page, at the field, and changes nothing", async () => {
    const reporter = await freshReporter();
    const cases = [
      { input: { pagePath: "/en", description: "   ", contactEmail: "" }, field: "description", key: "required" },
      { input: { pagePath: "/en", description: "x".repeat(2001), contactEmail: "" }, field: "description", key: "tooLong" },
      { input: { pagePath: "/en", description: "Broken", contactEmail: "not an address" }, field: "contactEmail", key: "invalidEmail" },
      { input: { pagePath: "https://elsewhere.example/en", description: "Broken" }, field: "pagePath", key: "invalidFormat" },
      { input: { pagePath: "//elsewhere.example/en", description: "Broken" }, field: "pagePath", key: "invalidFormat" },
      { input: { pagePath: "/en", description: "Broken\u0000" }, field: "description", key: "unstorableText" },
      { input: { pagePath: "/en", description: "Broken", reporterId: randomUUID() }, field: "_form", key: "unknownField" },
    ];
    for (const { input, field, key } of cases) {
      const result = await expectUnchanged(() => submitProblemReport(reporter, input, options()));
      expect(result, JSON.stringify(input).slice(0, 80)).toMatchObject({ ok: false, code: "invalid" });
      if (result.ok || result.code !== "invalid") continue;
      expect(result.fieldErrors[field]?.[0]?.key, JSON.stringify(input).slice(0, 80)).toBe(key);
    }
    // Exactly 2,000 characters is accepted.
    expect(await submitProblemReport(reporter, { pagePath: "/en", description: "y".repeat(2000) }, options())).toMatchObject({ ok: true });
  });

  it(`throttles a visitor's address after ${problemReportLimits.perSourcePerHour} reports in an hour, and the refusal writes nothing`, async () => {
    const ip = address();
    for (let index = 0; index < problemReportLimits.perSourcePerHour; index += 1) {
      expect(await submitProblemReport(null, { pagePath: "/en/sign-in", description: `Report ${index}` }, options(ip))).toMatchObject({ ok: true });
    }
    const refused = await expectUnchanged(() => submitProblemReport(null, { pagePath: "/en/sign-in", description: "One too many" }, options(ip)));
    expect(refused).toMatchObject({ ok: false, code: "invalid", fieldErrors: { description: [{ key: "tooManyReports" }] } });
    // Another address is not held back by that one.
    expect(await submitProblemReport(null, { pagePath: "/en/sign-in", description: "Someone else" }, options())).toMatchObject({ ok: true });
  });

  it("throttles a signed-in person by their account, whatever address they send from", async () => {
    const reporter = await freshReporter();
    for (let index = 0; index < problemReportLimits.perSourcePerHour; index += 1) {
      expect(await submitProblemReport(reporter, { pagePath: "/fr", description: `Signalement ${index}` }, options())).toMatchObject({ ok: true });
    }
    const refused = await expectUnchanged(() => submitProblemReport(reporter, { pagePath: "/fr", description: "Encore un" }, options()));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { description: [{ key: "tooManyReports" }] } });
  });

  it("lets concurrent reports from one address past the throttle only up to the limit", async () => {
    const ip = address();
    const results = await Promise.all(
      Array.from({ length: problemReportLimits.perSourcePerHour + 3 }, (_, index) => submitProblemReport(null, { pagePath: "/en", description: `Race ${index}` }, options(ip))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(problemReportLimits.perSourcePerHour);
    expect(await db.problemReport.count({ where: { ip } })).toBe(problemReportLimits.perSourcePerHour);
  });

  it("stores but no longer mails reports past the hourly ceiling for everyone together", async () => {
    const hourAgo = new Date(Date.now() - 60 * 60_000);
    const sentSoFar = await db.problemReport.count({ where: { createdAt: { gte: hourAgo } } });
    // A ceiling the reports of this hour have already reached, so the next one is over it.
    const limits = { perSourcePerHour: problemReportLimits.perSourcePerHour, mailedPerHour: sentSoFar };
    const result = await submitProblemReport(null, { pagePath: "/en", description: "Over the ceiling" }, { ...options(), limits });
    if (!result.ok) throw new Error("refused");
    expect(result.data.mailed).toBe(0);
    expect(await db.problemReport.count({ where: { id: result.data.id } })).toBe(1);
    expect(await db.outboundMessage.count({ where: { dedupeKey: { startsWith: `problem-report:${result.data.id}:` } } })).toBe(0);
  });

  it("keeps reports as they were: the database refuses to change or delete one", async () => {
    const result = await submitProblemReport(null, { pagePath: "/en", description: "Keep me" }, options());
    if (!result.ok) throw new Error("refused");
    await expect(db.problemReport.update({ where: { id: result.data.id }, data: { description: "Changed" } })).rejects.toThrow(/append-only/);
    await expect(db.problemReport.delete({ where: { id: result.data.id } })).rejects.toThrow(/append-only/);
  });
});
