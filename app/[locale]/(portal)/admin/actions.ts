"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { createDepartment, updateDepartment } from "@/lib/departments/commands";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { createPillar, movePillar, updatePillar } from "@/lib/pillars/commands";
import { updateSettings } from "@/lib/settings/commands";
import { allowSsoLink, createUser, deactivateUser, endUserSessions, resetMfa, reactivateUser, setOneTimePassword, updateUser } from "@/lib/users/commands";

// Thin translations between forms and commands: every command authorizes on its own, on the server.

const withActive = (values: Record<string, string | string[]>) => ({ ...values, active: values.active === "on" });

/** After a save, reload the page that shows the record so that it carries the new version. */
async function afterSave(state: FormState, path: string): Promise<FormState> {
  if (state.status !== "success") return state;
  const locale = await getLocale();
  revalidatePath(`/${locale}/admin`, "layout");
  redirect(`/${locale}${path}${path.includes("?") ? "&" : "?"}saved=1`);
}

export async function createUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  let id = "";
  const state = await runFormCommand(createUser, formData, { onSuccess: (data) => void (id = data.id) });
  return afterSave(state, `/admin/users/${id}`);
}

export async function updateUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(updateUser, formData);
  return afterSave(state, `/admin/users/${String(formData.get("id"))}`);
}

export async function deactivateUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(deactivateUser, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function reactivateUserAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(reactivateUser, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function endUserSessionsAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(endUserSessions, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function allowSsoLinkAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(allowSsoLink, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function resetMfaAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(resetMfa, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function setOneTimePasswordAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(setOneTimePassword, formData), `/admin/users/${String(formData.get("id"))}`);
}

export async function createDepartmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(createDepartment, formData), "/admin/departments");
}

export async function updateDepartmentAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(updateDepartment, formData, { toInput: withActive }), `/admin/departments/${String(formData.get("id"))}`);
}

export async function createPillarAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(createPillar, formData), "/admin/pillars");
}

export async function updatePillarAction(_state: FormState, formData: FormData): Promise<FormState> {
  return afterSave(await runFormCommand(updatePillar, formData, { toInput: withActive }), `/admin/pillars/${String(formData.get("id"))}`);
}

/** Settings are read all over the portal (print pages, home pages, lists, sessions): every page is refreshed. */
export async function updateSettingsAction(_state: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(updateSettings, formData);
  if (state.status !== "success") return state;
  const locale = await getLocale();
  revalidatePath("/", "layout");
  redirect(`/${locale}/admin/settings?saved=1`);
}

/** The up/down buttons of the pillar list: a plain form post, so it works without JavaScript too. */
export async function movePillarAction(formData: FormData): Promise<void> {
  const locale = await getLocale();
  const result = await movePillar(await getCurrentUser(), { id: formData.get("id"), direction: formData.get("direction") });
  revalidatePath(`/${locale}/admin/pillars`);
  redirect(`/${locale}/admin/pillars?${result.ok ? "moved" : "notMoved"}=${encodeURIComponent(String(formData.get("id")))}`);
}
