"use server";

import { revalidatePath } from "next/cache";
import { getLocale, getTranslations } from "next-intl/server";
import { addAgendaItem, publishAgenda, recordAgendaOutcome, removeAgendaItem, reorderAgenda, startAgenda, updateAgendaItem } from "@/lib/agenda/commands";
import { recordDecision } from "@/lib/decisions/commands";
import { recordAttendance } from "@/lib/meetings/attendance";
import { amendMinutes, approveMinutes, circulateMinutes, saveMinutes } from "@/lib/minutes/commands";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { runActionCommand } from "@/lib/kernel/action";
import { cancelMeeting, createMeeting, updateMeeting } from "@/lib/meetings/commands";

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

/** Cancels a meeting; the page then shows it cancelled, with the reason. */
export async function cancelMeetingAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(cancelMeeting, formData, { successMessage: (await getTranslations("Meetings"))("cancelled") });
  if (state.status === "success") revalidatePath("/[locale]/meetings", "layout");
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

// At and after the meeting: plain forms (useActionState).
const recorded = (state: FormState) => {
  if (state.status === "success") revalidatePath("/[locale]/meetings", "layout");
  return state;
};

/** Attendance arrives as `status:<departmentId>` and `delegate:<departmentId>` fields. */
export async function recordAttendanceAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(
    await runFormCommand(recordAttendance, formData, {
      toInput: (values) => ({
        meetingId: values.meetingId,
        entries: Object.keys(values)
          .filter((name) => name.startsWith("status:"))
          .map((name) => {
            const departmentId = name.slice("status:".length);
            return { departmentId, status: values[name], delegateName: values[`delegate:${departmentId}`] ?? "" };
          }),
      }),
    }),
  );
}
export async function recordOutcomeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(recordAgendaOutcome, formData, { toInput: (values) => ({ id: values.id, outcome: values.outcome ?? "", deferred: values.deferred === "on" }) }));
}
export async function recordDecisionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(recordDecision, formData));
}
export async function saveMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(saveMinutes, formData));
}
export async function circulateMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(circulateMinutes, formData));
}
export async function approveMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(approveMinutes, formData));
}
export async function amendMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return recorded(await runFormCommand(amendMinutes, formData));
}
