import { z } from "zod";

/**
 * Mail settings, read from the environment.
 *
 * Why not lib/env.ts: the delivery worker is started from instrumentation.ts, where Next refuses modules that
 * import "server-only" (lib/env.ts does). Nothing under lib/mail, lib/jobs or lib/notifications imports it, so this
 * reads the mail settings from process.env itself (the other direct readers are listed in lib/env.ts).
 */
const booleanString = z
  .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
  .transform((value) => ["true", "1", "yes", "on"].includes(value));

const mailEnvSchema = z.object({
  SMTP_HOST: z.string().trim().min(1).optional(),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).optional(),
  SMTP_USER: z.string().min(1).optional(),
  SMTP_PASSWORD: z.string().min(1).optional(),
  SMTP_SECURE: booleanString.optional(),
  MAIL_FROM: z.string().trim().min(3).default("IWGTIP Portal <no-reply@iwgtip.example>"),
  NEXTAUTH_URL: z.string().url().optional(),
  MAIL_WORKER: booleanString.default(true),
  MAIL_WORKER_INTERVAL_MS: z.coerce.number().int().min(1_000).default(15_000),
});

export type SmtpSettings = {
  host: string;
  port: number;
  /** TLS from the first byte (port 465); otherwise STARTTLS when the server offers it. */
  secure: boolean;
  auth?: { user: string; pass: string };
};

export type MailConfig = {
  /** Null: no SMTP configured, so messages stay in the outbox for administrators to read. */
  smtp: SmtpSettings | null;
  from: string;
  /** The portal's public address, for links in messages (no trailing slash). */
  baseUrl: string;
  /** Whether this server process runs the delivery and scheduling worker. */
  workerEnabled: boolean;
  workerIntervalMs: number;
};

export function mailConfigFrom(environment: Record<string, string | undefined>): MailConfig {
  const parsed = mailEnvSchema.safeParse(environment);
  if (!parsed.success) throw new Error(`Invalid mail settings: ${z.prettifyError(parsed.error)}`);
  const values = parsed.data;
  const port = values.SMTP_PORT ?? 587;
  const smtp: SmtpSettings | null = values.SMTP_HOST
    ? {
        host: values.SMTP_HOST,
        port,
        secure: values.SMTP_SECURE ?? port === 465,
        auth: values.SMTP_USER ? { user: values.SMTP_USER, pass: values.SMTP_PASSWORD ?? "" } : undefined,
      }
    : null;
  return {
    smtp,
    from: values.MAIL_FROM,
    baseUrl: (values.NEXTAUTH_URL ?? "http://localhost:3000").replace(/\/+$/, ""),
    workerEnabled: values.MAIL_WORKER,
    workerIntervalMs: values.MAIL_WORKER_INTERVAL_MS,
  };
}

let cached: MailConfig | undefined;

/** The process's mail settings, parsed on first use (never at import: `next build` has no runtime environment). */
export function mailConfig(): MailConfig {
  cached ??= mailConfigFrom(process.env);
  return cached;
}
