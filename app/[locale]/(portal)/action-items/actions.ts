"use server";

import { revalidatePath } from "next/cache";
import { getCurrentUser } from "@/lib/auth/session";
import { createActionItem, updateActionItemStatus } from "@/lib/action-items/commands";
import { listActionItems } from "@/lib/action-items/queries";
import { actionItemViews, type ActionItemView } from "@/lib/action-items/schemas";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { runActionCommand } from "@/lib/kernel/action";
import { redirect } from "@/lib/i18n/navigation";
import { getLocale } from "next-intl/server";
import { isLocale } from "@/lib/i18n/routing";
import { isUuid } from "@/lib/security/ids";

/** The list, for the client's query cache (refetched after a status change). Signed-in users only. */
export async function listActionItemsAction(params: { view: ActionItemView; page: number; meetingId?: string }) {
  const user = await getCurrentUser();
  if (!user) return null;
  const view = actionItemViews.includes(params.view) ? params.view : "open";
  const meetingId = params.meetingId && isUuid(params.meetingId) ? params.meetingId : undefined;
  return listActionItems(user, { view, page: Math.max(1, Math.trunc(Number(params.page)) || 1), meetingId });
}

export async function updateActionItemStatusAction(input: unknown) {
  const result = await runActionCommand(updateActionItemStatus, input);
  if (result.ok) revalidatePath("/[locale]/action-items", "page");
  return result;
}

export async function createActionItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let created: { id: string } | null = null;
  const state = await runFormCommand(createActionItem, formData, {
    onSuccess: (data) => {
      created = data;
    },
  });
  if (!created) return state;
  revalidatePath("/[locale]/action-items", "page");
  const locale = await getLocale();
  redirect({ href: { pathname: "/action-items", query: { view: "all", created: "1" } }, locale: isLocale(locale) ? locale : "en" });
  return state;
}
