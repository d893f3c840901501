import "server-only";
import { cache } from "react";
import { readSetting } from "@/lib/settings/queries";

/** The setting's key (lib/settings/definitions.ts): 25 MB by default, changed on the settings page. */
export const DOCUMENT_MAX_MEGABYTES_KEY = "documentMaxMegabytes";

/**
 * The largest file the portal stores, in bytes, read on every upload (every instance sees a change at once). Read
 * once per page render (React's request cache): a meeting page lists the documents of the meeting and of its items.
 */
export const documentMaxBytes = cache(async (): Promise<number> => (await readSetting("documentMaxMegabytes")) * 1024 * 1024);

/**
 * How many uploads one instance receives at once (DOCUMENT_UPLOADS_MAX; by default half the database pool,
 * DATABASE_POOL_MAX, at least 1): each PostgreSQL upload holds a connection of the pool while the browser sends
 * the file, so slow uploads must not take all of them. Read on every upload, like the pool's size per instance.
 */
export function documentUploadSlots(environment: Record<string, string | undefined> = process.env): number {
  const whole = (value: string | undefined) => (value && /^\d+$/.test(value.trim()) && Number(value) > 0 ? Number(value) : null);
  return whole(environment.DOCUMENT_UPLOADS_MAX) ?? Math.max(1, Math.floor((whole(environment.DATABASE_POOL_MAX) ?? 10) / 2));
}
