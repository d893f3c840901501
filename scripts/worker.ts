/**
 * `npm run worker`: the job worker on its own (graphile-worker: mail delivery, scheduled notices, text extraction),
 * for a deployment whose web instances run with MAIL_WORKER=off. `npm start` does not need it: every portal
 * process runs the same worker itself (instrumentation.ts), and any number may run at once.
 *
 * Needs DATABASE_URL (the portal's database; migrated here if it is behind, the job queue's schema included) and the
 * mail settings of `.env.example` (SMTP_*, MAIL_FROM, NEXTAUTH_URL for the links). `.env` files are read as Next
 * reads them. Ctrl-C or SIGTERM lets running jobs finish, then stops.
 */
import path from "node:path";
import { migrate } from "./db/migrate";
import { loadEnvironment } from "./production-checks";

const projectRoot = path.resolve(__dirname, "..");

async function main(): Promise<void> {
  loadEnvironment(projectRoot, { dev: process.env.NODE_ENV !== "production" });
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error("DATABASE_URL is not set: the worker needs the portal's database. (`npm start` runs a worker of its own.)");
    process.exit(2);
  }
  // This process is the worker, whatever the web instances were told.
  process.env.MAIL_WORKER = "on";
  await migrate(databaseUrl, { quiet: true });
  const { startMailWorker, stopMailWorker } = await import("../lib/jobs/worker");
  startMailWorker();
  console.log("The job worker is running (Ctrl-C to stop).");
  const stop = () => {
    void stopMailWorker().then(() => process.exit(0));
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // The worker's timers do not hold the process open; this does, until a signal.
  setInterval(() => {}, 60_000);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
