import "server-only";
import type { Tx } from "@/lib/commands/registry";

/** A setting read inside a command's transaction; the fallback when it is missing or malformed. */
export async function readSettingIn<T>(tx: Tx, key: string, isValid: (value: unknown) => value is T, fallback: T): Promise<T> {
  const setting = await tx.setting.findUnique({ where: { key }, select: { value: true } });
  return setting && isValid(setting.value) ? setting.value : fallback;
}
