import { SMTPServer } from "smtp-server";

/** A message as the test SMTP server received it, decoded enough to check what people would read. */
export type ReceivedMail = {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; contentType: string; content: string }[];
  raw: string;
};

/**
 * A real SMTP server on loopback (the `smtp-server` package): the portal's nodemailer transport talks SMTP to it.
 * Addresses in `refuse` are answered 550 at RCPT TO, like a server that knows no such mailbox.
 */
export async function startSmtpTestServer(port: number, { refuse = [] as string[] } = {}) {
  const received: ReceivedMail[] = [];
  const refused = new Set(refuse.map((address) => address.toLowerCase()));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (refused.has(address.address.toLowerCase())) {
        return callback(Object.assign(new Error(`5.1.1 <${address.address}>: mailbox unavailable`), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        received.push({
          ...parseMime(raw),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((recipient) => recipient.address),
          raw,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

type Part = { headers: Record<string, string>; body: string };

/** Just enough MIME for nodemailer's output: multipart/mixed and /alternative, quoted-printable and base64. */
function parseMime(raw: string): Omit<ReceivedMail, "from" | "to" | "raw"> {
  const root = splitPart(raw);
  const result = { subject: decodeWords(root.headers.subject ?? ""), text: "", html: "", attachments: [] as ReceivedMail["attachments"] };
  const visit = (part: Part) => {
    const type = part.headers["content-type"] ?? "text/plain";
    const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
    if (type.startsWith("multipart/") && boundary) {
      const pieces = part.body.split(`--${boundary}`).slice(1);
      for (const piece of pieces) {
        if (piece.startsWith("--")) break;
        visit(splitPart(piece.replace(/^\r?\n/, "")));
      }
      return;
    }
    const content = decodeBody(part.body, part.headers["content-transfer-encoding"] ?? "7bit");
    const disposition = part.headers["content-disposition"] ?? "";
    const filename = /filename="?([^";]+)"?/i.exec(disposition)?.[1] ?? /name="?([^";]+)"?/i.exec(type)?.[1];
    if (disposition.startsWith("attachment") || (filename && !type.startsWith("text/plain") && !type.startsWith("text/html"))) {
      result.attachments.push({ filename: filename ?? "", contentType: type, content });
    } else if (type.startsWith("text/html")) result.html = content;
    else if (type.startsWith("text/plain")) result.text = content;
  };
  visit(root);
  return result;
}

function splitPart(raw: string): Part {
  const split = raw.search(/\r?\n\r?\n/);
  const head = split === -1 ? raw : raw.slice(0, split);
  const body = split === -1 ? "" : raw.slice(split).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(body: string, encoding: string): string {
  switch (encoding.toLowerCase()) {
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
    case "quoted-printable":
      return decodeQuotedPrintable(body.replace(/=\r?\n/g, ""));
    default:
      return body;
  }
}

/** RFC 2047 encoded words, e.g. =?UTF-8?Q?Appel_de_mises_=C3=A0_jour?= (adjacent words join without the space). */
function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_match, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : decodeQuotedPrintable(text.replace(/_/g, " ")),
    );
}

/** "=C3=A0" escapes are bytes of UTF-8; everything else is itself. */
function decodeQuotedPrintable(value: string): string {
  const bytes: number[] = [];
  for (let index = 0; index < value.length; index += 1) {
    const hex = value.slice(index + 1, index + 3);
    if (value[index] === "=" && /^[0-9A-F]{2}$/i.test(hex)) {
      bytes.push(parseInt(hex, 16));
      index += 2;
    } else {
      bytes.push(...Buffer.from(value[index] ?? "", "utf8"));
    }
  }
  return Buffer.from(bytes).toString("utf8");
}
