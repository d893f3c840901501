/**
 * The one shape of an error log line: JSON on one line, with the request id the user was shown, so support
 * finds the line from the reference on the error page or in the message. The message and stack go to the
 * log only, never to the user.
 */
export function logRequestError(fields: { msg: string; requestId: string | undefined; method?: string; path?: string; [key: string]: unknown }, error: unknown): void {
  const failure = error instanceof Error ? error : new Error(String(error));
  console.error(
    JSON.stringify({
      level: "error",
      time: new Date().toISOString(),
      ...fields,
      error: { name: failure.name, message: failure.message, stack: failure.stack },
    }),
  );
}
