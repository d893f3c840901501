import type { MatrixRow } from "../matrix-types";
import { settingsForm, snapshotSettings } from "../../settings/support";

let restore: (() => Promise<void>) | undefined;

/** Settings are administration, like accounts and reference data. An allowed call moves staleDays by one day. */
export const rows: MatrixRow[] = [
  {
    command: "settings.update",
    prepare: async () => {
      restore ??= await snapshotSettings();
      const form = await settingsForm();
      return { ...form, staleDays: String(form.staleDays === "90" ? 91 : 90) };
    },
    expect: { ADMIN: "allow", COORDINATOR: "deny", EXECUTIVE: "deny", OWN_REP: "deny", OTHER_REP: "deny", SIGNED_OUT: "deny" },
  },
];

export async function cleanup() {
  await restore?.();
}
