"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { changeMyPassword, updateMyPreferences } from "@/lib/users/commands";

/** Saves the preferred language, then opens the profile in it. */
export async function updatePreferencesAction(_state: FormState, formData: FormData): Promise<FormState> {
  let language: string | null = null;
  const state = await runFormCommand(updateMyPreferences, formData, { onSuccess: () => void (language = String(formData.get("preferredLanguage"))) });
  if (state.status === "success" && (language === "en" || language === "fr")) redirect(`/${language}/profile?saved=language`);
  return state;
}

export async function changePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Profile");
  const state = await runFormCommand(changeMyPassword, formData, { successMessage: t("passwordChanged") });
  if (state.status === "success") revalidatePath(`/${await getLocale()}`, "layout");
  return state;
}
