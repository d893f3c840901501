"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { closeUpdateCall, openUpdateCall } from "@/lib/update-calls/commands";

export async function openUpdateCallAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string | null = null;
  const state = await runFormCommand(openUpdateCall, formData, { onSuccess: (data) => void (id = data.id) });
  if (!id) return state;
  revalidatePath("/[locale]/update-calls", "layout");
  const locale = await getLocale();
  redirect({ href: `/update-calls/${id}`, locale: isLocale(locale) ? locale : "en" });
  return state;
}

export async function closeUpdateCallAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(closeUpdateCall, formData);
  if (state.status === "success") revalidatePath("/[locale]/update-calls", "layout");
  return state;
}
