import { describe, expect, it } from "vitest";
import { backoffDelayMs, classifySendError, looksLikeAddress, MAX_ATTEMPTS } from "@/lib/jobs/retry";
import { composeBilingual, escapeHtml } from "@/lib/mail/compose";
import { mailConfigFrom } from "@/lib/mail/config";
import { calendarInvitation } from "@/lib/mail/ics";
import { daysUntil, isoWeek, torontoClock, torontoDate } from "@/lib/notifications/shared";

describe("delivery failures", () => {
  it("fails a refused recipient at once and retries what may pass later", () => {
    expect(classifySendError(Object.assign(new Error("x"), { code: "EENVELOPE", responseCode: 550 }))).toBe("invalid_address");
    expect(classifySendError(Object.assign(new Error("x"), { code: "EENVELOPE" }))).toBe("invalid_address");
    expect(classifySendError(Object.assign(new Error("x"), { code: "EPROTOCOL", responseCode: 553, command: "RCPT TO" }))).toBe("invalid_address");
    expect(classifySendError(Object.assign(new Error("x"), { code: "EMESSAGE", responseCode: 552, command: "DATA" }))).toBe("rejected");
    expect(classifySendError(Object.assign(new Error("x"), { code: "ECONNECTION" }))).toBe("transient");
    expect(classifySendError(Object.assign(new Error("x"), { code: "EAUTH", responseCode: 535 }))).toBe("transient");
    expect(classifySendError(Object.assign(new Error("x"), { responseCode: 451 }))).toBe("transient");
    expect(classifySendError(undefined)).toBe("transient");
  });

  it("backs off exponentially, up to six hours", () => {
    expect([1, 2, 3, 4].map(backoffDelayMs)).toEqual([60_000, 120_000, 240_000, 480_000]);
    expect(backoffDelayMs(MAX_ATTEMPTS + 20)).toBe(6 * 60 * 60_000);
  });

  it("recognises what cannot be an address", () => {
    expect(looksLikeAddress("rep.jus@iwgtip.example")).toBe(true);
    expect(looksLikeAddress("not an address")).toBe(false);
    expect(looksLikeAddress("a@b")).toBe(false);
  });
});

describe("mail settings", () => {
  it("keeps mail in the outbox without SMTP_HOST, and reads SMTP settings when set", () => {
    expect(mailConfigFrom({}).smtp).toBeNull();
    expect(mailConfigFrom({ NEXTAUTH_URL: "https://portal.example/" }).baseUrl).toBe("https://portal.example");
    expect(mailConfigFrom({ SMTP_HOST: "smtp.example", SMTP_PORT: "465", SMTP_USER: "u", SMTP_PASSWORD: "p" }).smtp).toEqual({
      host: "smtp.example",
      port: 465,
      secure: true,
      auth: { user: "u", pass: "p" },
    });
    expect(mailConfigFrom({ SMTP_HOST: "smtp.example", SMTP_SECURE: "false", SMTP_PORT: "465" }).smtp?.secure).toBe(false);
    expect(mailConfigFrom({ MAIL_WORKER: "off" }).workerEnabled).toBe(false);
    expect(() => mailConfigFrom({ SMTP_PORT: "smtp" })).toThrow(/SMTP_PORT/);
  });
});

describe("bilingual messages", () => {
  const section = (locale: "en" | "fr") => ({
    subject: locale === "en" ? "Subject" : "Objet",
    greeting: locale === "en" ? "Hello <you>," : "Bonjour <vous>,",
    paragraphs: [locale === "en" ? "Body" : "Corps"],
    action: { label: locale === "en" ? "Open" : "Ouvrir", path: "/update-calls" },
  });

  it("puts the recipient's language first, and escapes HTML", () => {
    const french = composeBilingual({ language: "fr", baseUrl: "https://p.example", section });
    expect(french.subject).toBe("Objet / Subject");
    expect(french.text.startsWith("(English follows)")).toBe(true);
    expect(french.text.indexOf("Corps")).toBeLessThan(french.text.indexOf("Body"));
    expect(french.text).toContain("Ouvrir: https://p.example/fr/update-calls");
    expect(french.html).toContain("Bonjour &lt;vous&gt;,");
    expect(french.html).not.toContain("<vous>");
    expect(escapeHtml(`"'&`)).toBe("&quot;&#39;&amp;");
  });
});

describe("calendar invitations", () => {
  it("writes RFC 5545: CRLF lines, escaped text, folded long lines, UTC times", () => {
    const ics = calendarInvitation({
      uid: "meeting-1@iwgtip",
      sequence: 3,
      start: new Date("2007-10-16T13:30:00Z"),
      end: new Date("2007-10-16T15:30:00Z"),
      summary: "Réunion; ordre du jour, version 2",
      description: "x".repeat(200),
      stamp: new Date("2007-10-01T00:00:00Z"),
    });
    const lines = ics.split("\r\n");
    expect(lines).toContain("SEQUENCE:3");
    expect(lines).toContain("DTSTART:20071016T133000Z");
    expect(lines).toContain("SUMMARY:Réunion\\; ordre du jour\\, version 2");
    expect(lines.every((line) => Buffer.byteLength(line, "utf8") <= 75)).toBe(true);
    expect(ics.replace(/\r\n /g, "")).toContain(`DESCRIPTION:${"x".repeat(200)}`);
  });
});

describe("dates in Toronto", () => {
  it("counts days, weeks and hours in America/Toronto", () => {
    expect(torontoDate(new Date("2007-10-16T02:00:00Z"))).toBe("2007-10-15");
    expect(daysUntil("2007-12-07", new Date("2007-12-14T00:00:00Z"))).toBe(7);
    expect(isoWeek("2007-10-22")).toBe("2007-W43");
    expect(isoWeek("2008-12-29")).toBe("2009-W01");
    expect(torontoClock(new Date("2007-10-22T13:00:00Z"))).toEqual({ hour: 9, weekday: 1 });
  });
});
