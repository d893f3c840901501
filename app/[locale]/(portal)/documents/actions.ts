"use server";

import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { cancelPaperRequest, requestPaper, withdrawDocument } from "@/lib/documents/commands";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";

const refresh = () => revalidatePath("/[locale]", "layout");

export async function withdrawDocumentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Documents");
  return runFormCommand(withdrawDocument, formData, { onSuccess: refresh, successMessage: t("withdrawnSaved") });
}

export async function requestPaperAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Documents");
  return runFormCommand(requestPaper, formData, { onSuccess: refresh, successMessage: t("requestSaved") });
}

export async function cancelPaperRequestAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Documents");
  return runFormCommand(cancelPaperRequest, formData, { onSuccess: refresh, successMessage: t("requestCancelled") });
}
