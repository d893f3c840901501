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
  await guardForwardedHeaders();
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

/**
 * Before the first request: which forwarded headers to believe is decided from each connection's peer
 * (lib/security/peer-guard.ts). In production the server refuses to start without TRUSTED_PROXIES (`none` when
 * clients connect directly), so that nobody runs the portal behind a balancer that it takes for its clients.
 */
async function guardForwardedHeaders() {
  const { trustedProxiesSetting } = await import("./lib/auth/client-address");
  const { installPeerGuard } = await import("./lib/security/peer-guard");
  let trusted;
  try {
    trusted = trustedProxiesSetting(process.env);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
  installPeerGuard(trusted);
}
