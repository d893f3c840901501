"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { setMailPaused } from "@/lib/mail/commands";

/** Pause or resume all mail (the button says which, in the `paused` field). */
export async function setMailPausedAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Outbox");
  const pausing = formData.get("paused") === "true";
  return runFormCommand(setMailPaused, formData, {
    onSuccess: () => revalidatePath("/[locale]/admin/outbox", "page"),
    successMessage: pausing ? t("pausedSaved") : t("resumedSaved"),
  });
}
