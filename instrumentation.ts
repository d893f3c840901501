import type { Instrumentation } from "next";

/**
 * Every error Next catches while serving a request becomes one JSON log line, with the
 * request id that the proxy gave the request and that the error page shows the user, so
 * support can find the line. Users never see the message or the stack.
 */
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  const failure = error as Error & { digest?: string };
  const requestId = headerValue(request.headers["x-request-id"]);
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      msg: "request failed",
      requestId,
      digest: failure.digest,
      method: request.method,
      path: request.path,
      route: context.routePath,
      routeType: context.routeType,
      error: { name: failure.name, message: failure.message, stack: failure.stack },
    }),
  );
};

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
