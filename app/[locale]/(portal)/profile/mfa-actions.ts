"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { confirmMfaEnrolment, startMfaEnrolment } from "@/lib/users/mfa-commands";

/** Starts enrolment; the profile then shows the QR code of the new key. */
export async function startMfaEnrolmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(startMfaEnrolment, formData);
  if (state.status === "success") revalidatePath("/[locale]/profile", "page");
  return state;
}

/**
 * Confirms enrolment. The recovery codes come back in the form's message, the one time they are ever shown; the
 * page is not reloaded, so that they stay on screen until the person has kept them.
 */
export async function confirmMfaEnrolmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Mfa");
  let codes: string[] = [];
  const state = await runFormCommand(confirmMfaEnrolment, formData, { onSuccess: (data) => void (codes = data.recoveryCodes) });
  if (state.status !== "success") return state;
  return { status: "success", message: t("enrolledWithCodes", { codes: codes.join("  ") }) };
}
