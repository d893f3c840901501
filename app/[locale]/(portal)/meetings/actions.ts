"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { addAgendaItem, publishAgenda, removeAgendaItem, reorderAgenda, startAgenda, updateAgendaItem } from "@/lib/agenda/commands";
import { runFormCommand } from "@/lib/forms/form-action";
import type { FormState } from "@/lib/forms/form-state";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { runActionCommand } from "@/lib/meetings/action-result";
import { createMeeting, updateMeeting } from "@/lib/meetings/commands";

async function goTo(pathname: string) {
  const locale = await getLocale();
  redirect({ href: pathname, locale: isLocale(locale) ? locale : "en" });
}

export async function createMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string | null = null;
  const state = await runFormCommand(createMeeting, formData, { onSuccess: (data) => void (id = data.id) });
  if (!id) return state;
  revalidatePath("/[locale]/meetings", "layout");
  await goTo(`/meetings/${id}`);
  return state;
}

export async function updateMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string | null = null;
  const state = await runFormCommand(updateMeeting, formData, { onSuccess: (data) => void (id = data.id) });
  if (!id) return state;
  revalidatePath("/[locale]/meetings", "layout");
  await goTo(`/meetings/${id}`);
  return state;
}

// Agenda builder mutations (TanStack Query): each returns data or a message in the user's language.
const agendaChanged = <T>(result: T) => {
  revalidatePath("/[locale]/meetings", "layout");
  return result;
};
export async function startAgendaAction(input: unknown) {
  return agendaChanged(await runActionCommand(startAgenda, input));
}
export async function addAgendaItemAction(input: unknown) {
  return agendaChanged(await runActionCommand(addAgendaItem, input));
}
export async function updateAgendaItemAction(input: unknown) {
  return agendaChanged(await runActionCommand(updateAgendaItem, input));
}
export async function removeAgendaItemAction(input: unknown) {
  return agendaChanged(await runActionCommand(removeAgendaItem, input));
}
export async function reorderAgendaAction(input: unknown) {
  return agendaChanged(await runActionCommand(reorderAgenda, input));
}
export async function publishAgendaAction(input: unknown) {
  return agendaChanged(await runActionCommand(publishAgenda, input));
}
