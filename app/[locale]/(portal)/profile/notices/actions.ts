"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { updateNotices, updateNotificationPreferences } from "@/lib/notifications/commands";

/** The notice choices form: ticked boxes become the list of notices wanted (none ticked: an empty list). */
export async function updateNoticesAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Forms");
  return runFormCommand(updateNotices, formData, {
    toInput: ({ notices, language }) => ({ notices: notices === undefined ? [] : ([] as string[]).concat(notices), language }),
    onSuccess: () => revalidatePath("/[locale]/profile", "layout"),
    successMessage: t("saved"),
  });
}

/** The notification centre's choices (issue 22): ticked boxes are the kinds wanted in the portal. */
export async function updateNotificationPreferencesAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Forms");
  return runFormCommand(updateNotificationPreferences, formData, {
    toInput: ({ inPortal }) => ({ inPortal: inPortal === undefined ? [] : ([] as string[]).concat(inPortal) }),
    onSuccess: () => revalidatePath("/[locale]/profile", "layout"),
    successMessage: t("saved"),
  });
}
