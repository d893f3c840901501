"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { editComment, hideComment, postComment } from "@/lib/discussion/commands";
import { follow, markNotificationsRead } from "@/lib/notifications/commands";

/** Thin server actions of the discussion and the notification centre: the commands authorize and validate. */

function refresh() {
  revalidatePath("/", "layout");
}

async function said(key: "posted" | "saved" | "hidden" | "marked" | "followed") {
  return (await getTranslations("Discussion"))(key);
}

export async function postCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(postComment, formData, { onSuccess: refresh, successMessage: await said("posted") });
  return state;
}

export async function editCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(editComment, formData, { onSuccess: refresh, successMessage: await said("saved") });
}

export async function hideCommentAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(hideComment, formData, { onSuccess: refresh, successMessage: await said("hidden") });
}

export async function markNotificationsReadAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(markNotificationsRead, formData, { onSuccess: refresh, successMessage: await said("marked") });
}

export async function followAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(follow, formData, { onSuccess: refresh, successMessage: await said("followed") });
}
