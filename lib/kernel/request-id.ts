import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";

/**
 * The id proxy.ts gave this request (a fresh one outside a request). Logs, audit events and the messages that
 * ask users to quote a reference all carry it, so support finds the log line from what the user reads.
 */
export async function currentRequestId(): Promise<string> {
  return (await headers()).get("x-request-id") ?? randomUUID();
}
