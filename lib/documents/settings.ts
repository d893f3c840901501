import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";

/** The largest file the portal stores, in megabytes (issue 20: 25 MB), kept in the `settings` table like the others. */
export const DOCUMENT_MAX_MEGABYTES_KEY = "documentMaxMegabytes";
export const DEFAULT_DOCUMENT_MAX_MEGABYTES = 25;
const megabytes = z.int().min(1).max(100);

export async function documentMaxBytes(): Promise<number> {
  const row = await db.setting.findUnique({ where: { key: DOCUMENT_MAX_MEGABYTES_KEY }, select: { value: true } });
  const parsed = megabytes.safeParse(row?.value);
  return (parsed.success ? parsed.data : DEFAULT_DOCUMENT_MAX_MEGABYTES) * 1024 * 1024;
}
