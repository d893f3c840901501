import "server-only";
import { randomUUID } from "node:crypto";
import { isDatabaseUnavailableError } from "@/lib/db";
import { logRequestError } from "./error-log";

/**
 * Wraps a route handler (CSV, PDF, .ics, JSON) so that a failure answers in both languages with the request's
 * reference, 503 when the database cannot be reached and 500 otherwise, and is logged as one JSON line with the
 * same reference; the error's message and stack never reach the response.
 */
export function guardedRoute<Args extends unknown[]>(handler: (request: Request, ...args: Args) => Promise<Response>) {
  return async (request: Request, ...args: Args): Promise<Response> => {
    try {
      return await handler(request, ...args);
    } catch (error) {
      const requestId = request.headers.get("x-request-id") ?? randomUUID();
      logRequestError({ msg: "route handler failed", requestId, method: request.method, path: new URL(request.url).pathname }, error);
      return routeFailure(requestId, isDatabaseUnavailableError(error));
    }
  };
}

export function routeFailure(requestId: string, unavailable: boolean): Response {
  const text = unavailable
    ? ["The service is temporarily unavailable. Try again in a few minutes.", "Le service est temporairement indisponible. Réessayez dans quelques minutes."]
    : ["Something went wrong and the file could not be made.", "Un problème est survenu et le fichier n'a pas pu être produit."];
  return new Response([...text, `Reference / Référence : ${requestId}`].join("\n"), {
    status: unavailable ? 503 : 500,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store", "X-Request-Id": requestId },
  });
}
