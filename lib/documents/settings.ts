import "server-only";
import { readSetting } from "@/lib/settings/queries";

/** The setting's key (lib/settings/definitions.ts): 25 MB by default, changed on the settings page. */
export const DOCUMENT_MAX_MEGABYTES_KEY = "documentMaxMegabytes";

/** The largest file the portal stores, in bytes, read on every upload (every instance sees a change at once). */
export async function documentMaxBytes(): Promise<number> {
  return (await readSetting("documentMaxMegabytes")) * 1024 * 1024;
}
