/**
 * `npm run audit`: the dependency gate of CI. Runs `npm audit --omit=dev` (production dependencies only: what is
 * deployed) and reads its report itself rather than trusting npm's exit code, which is also non-zero when npm
 * could not audit at all.
 *
 *   exit 0  no high or critical advisory (lower ones are listed), or the registry cannot answer audits (below)
 *   exit 1  at least one high or critical advisory: each is listed with its advisory's address
 *   exit 2  the audit could not run for any other reason, or the registry cannot answer and --strict was given
 *
 * A registry or mirror that does not serve npm's audit endpoint (this project's mirror answers 405 to it) cannot
 * tell us anything: that is reported in a banner on stderr, never as "no advisories", and passes only so that such
 * a mirror does not block all work. `--strict` (or AUDIT_STRICT=1) turns it into a failure: use it wherever the
 * registry is known to serve audits.
 */
import { spawn } from "node:child_process";

const BLOCKING = ["critical", "high"] as const;
const SEVERITIES = ["critical", "high", "moderate", "low", "info"] as const;
type Severity = (typeof SEVERITIES)[number];

export interface Finding {
  name: string;
  severity: Severity;
  /** The advisories behind it, "title (url)"; for a package flagged through another, that package's name. */
  advisories: string[];
}

export type AuditOutcome =
  | { kind: "report"; blocking: Finding[]; counts: Record<Severity, number> }
  | { kind: "unavailable"; reason: string }
  | { kind: "failed"; reason: string };

interface NpmAuditReport {
  vulnerabilities?: Record<string, { name: string; severity: Severity; via: (string | { title?: string; url?: string })[] }>;
  metadata?: { vulnerabilities?: Partial<Record<Severity, number>> };
  message?: string;
  statusCode?: number;
}

/** Reads what `npm audit --json` printed on stdout. */
export function classifyAudit(stdout: string): AuditOutcome {
  let report: NpmAuditReport;
  try {
    report = JSON.parse(stdout) as NpmAuditReport;
  } catch {
    return { kind: "failed", reason: `npm audit printed no JSON report:\n${stdout.slice(0, 2_000)}` };
  }
  const totals = report.metadata?.vulnerabilities;
  if (totals && report.vulnerabilities) {
    const counts = Object.fromEntries(SEVERITIES.map((severity) => [severity, totals[severity] ?? 0])) as Record<Severity, number>;
    const blocking = Object.values(report.vulnerabilities)
      .filter((vulnerability) => (BLOCKING as readonly string[]).includes(vulnerability.severity))
      .map((vulnerability) => ({
        name: vulnerability.name,
        severity: vulnerability.severity,
        advisories: vulnerability.via.map((via) =>
          typeof via === "string" ? `through ${via}` : `${via.title ?? "advisory"} (${via.url ?? "no address"})`,
        ),
      }))
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || a.name.localeCompare(b.name));
    return { kind: "report", blocking, counts };
  }
  // npm's own error report: the advisory endpoint refused (an HTTP status) or could not be reached.
  const message = report.message ?? "";
  if (report.statusCode !== undefined || /\/-\/npm\/v1\/security\//.test(message)) {
    return { kind: "unavailable", reason: message || `HTTP ${report.statusCode}` };
  }
  return { kind: "failed", reason: message || `unexpected report: ${stdout.slice(0, 2_000)}` };
}

function runNpmAudit(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn("npm", ["audit", "--omit=dev", "--json"], { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString("utf8")));
    child.stderr.resume(); // npm repeats its error there; the JSON on stdout says it all
    child.on("error", reject);
    child.on("close", () => resolve(stdout));
  });
}

function banner(lines: string[]): string {
  const width = Math.max(...lines.map((line) => line.length)) + 4;
  const rule = "!".repeat(width);
  return [rule, ...lines.map((line) => `! ${line.padEnd(width - 4)} !`), rule].join("\n");
}

async function main(): Promise<number> {
  const strict = process.argv.includes("--strict") || process.env.AUDIT_STRICT === "1";
  const outcome = classifyAudit(await runNpmAudit());

  if (outcome.kind === "report") {
    const summary = Object.entries(outcome.counts)
      .filter(([, count]) => count > 0)
      .map(([severity, count]) => `${count} ${severity}`)
      .join(", ");
    if (outcome.blocking.length > 0) {
      console.error(`✘ npm audit: high or critical advisories in production dependencies (${summary}):`);
      for (const finding of outcome.blocking) {
        console.error(`  ${finding.severity.padEnd(8)} ${finding.name}`);
        for (const advisory of finding.advisories) console.error(`           ${advisory}`);
      }
      console.error("Update the packages (npm audit fix, or a newer pinned version) before merging.");
      return 1;
    }
    console.log(`✔ npm audit: no high or critical advisory in production dependencies${summary ? ` (${summary})` : ""}.`);
    return 0;
  }
  if (outcome.kind === "unavailable") {
    console.error(
      banner([
        "WARNING: DEPENDENCIES NOT AUDITED.",
        "The npm registry in use does not answer audit requests:",
        outcome.reason.slice(0, 120),
        "Nothing is known about advisories; this is not a pass.",
        strict ? "--strict: failing." : "Continuing (run with --strict where the registry serves audits).",
      ]),
    );
    return strict ? 2 : 0;
  }
  console.error(`✘ npm audit could not run: ${outcome.reason}`);
  return 2;
}

if (typeof require !== "undefined" && require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error);
      process.exit(2);
    },
  );
}
