import type { Instrumentation } from "next";
import { logRequestError } from "./lib/security/error-log";

/**
 * Runs once per server process: starts the mail worker (lib/jobs/worker.ts), which queues the scheduled reminders
 * and sends the outbox. Node runtime only (it needs sockets and the database pool), never during `next build`, and
 * not when MAIL_WORKER=off (e.g. instances that should only serve pages). Several instances may all run it: the
 * queue in PostgreSQL hands each message to one of them.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startMailWorker } = await import("./lib/jobs/worker");
  startMailWorker();
}

/**
 * Every error Next catches while serving a request becomes one JSON log line, with the
 * request id that the proxy gave the request and that the error page shows the user, so
 * support can find the line. Users never see the message or the stack.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  logRequestError(
    {
      msg: "request failed",
      requestId: headerValue(request.headers["x-request-id"]),
      digest: (error as { digest?: string }).digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
    },
    error,
  );
};

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
