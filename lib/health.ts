import "server-only";
import { pingDatabase } from "@/lib/db";

export type HealthReport = { status: "ok" | "unavailable"; database: "up" | "down" };

/** Whether the portal can serve requests; bounded so a dead database answers in time. */
export async function checkHealth(): Promise<HealthReport> {
  const up = await pingDatabase(1500);
  return up ? { status: "ok", database: "up" } : { status: "unavailable", database: "down" };
}
