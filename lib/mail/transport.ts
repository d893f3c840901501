import nodemailer from "nodemailer";
import type { SmtpSettings } from "./config";

/** What the worker hands to a transport: one rendered message to one recipient. */
export type MailEnvelope = {
  from: string;
  to: string;
  subject: string;
  text: string;
  html: string;
  language: string;
  attachments: MailAttachment[];
};

export type MailAttachment = { filename: string; contentType: string; content: string };

export interface MailTransport {
  /** Sends or throws; the error keeps nodemailer's `code` and `responseCode` so the worker can classify it. */
  send(message: MailEnvelope): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * An SMTP transport with short timeouts: a slow or unreachable server makes one delivery attempt fail quickly (and
 * be retried later) instead of holding a worker, and it never touches a page or a command, which only queue.
 */
export function createSmtpTransport(settings: SmtpSettings): MailTransport {
  const transporter = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.secure,
    auth: settings.auth,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Loopback test servers have no certificate; real servers keep full verification.
    tls: isLoopback(settings.host) ? { rejectUnauthorized: false } : undefined,
  });
  return {
    async send(message) {
      const info = await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        headers: { "Content-Language": message.language === "fr" ? "fr-CA, en-CA" : "en-CA, fr-CA" },
        ...calendarParts(message.attachments),
      });
      return { messageId: String(info.messageId ?? "") };
    },
    close() {
      transporter.close();
    },
  };
}

/**
 * A calendar invitation goes as a calendar part (text/calendar with its METHOD, RFC 6047), which Outlook and other
 * clients show as a real invitation with its buttons, rather than as a file to open; nodemailer also attaches the
 * same event as an .ics file for clients that read only attachments. Other attachments go as they are.
 */
function calendarParts(attachments: MailAttachment[]) {
  const calendar = attachments.find((attachment) => attachment.contentType.startsWith("text/calendar"));
  const method = calendar ? (/method=([A-Z]+)/i.exec(calendar.contentType)?.[1] ?? "PUBLISH").toUpperCase() : undefined;
  return {
    ...(calendar ? { icalEvent: { filename: calendar.filename, method, content: calendar.content } } : {}),
    attachments: attachments
      .filter((attachment) => attachment !== calendar)
      .map((attachment) => ({ filename: attachment.filename, contentType: attachment.contentType, content: attachment.content })),
  };
}

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}
