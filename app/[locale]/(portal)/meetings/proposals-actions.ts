"use server";

import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { acceptProposal, declineProposal, proposeAgendaItem } from "@/lib/agenda-proposals/commands";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { signOffMinutes } from "@/lib/minutes-sign-off/commands";

// Agenda proposals and the sign-off of minutes (issue 22.3–22.4): plain forms (useActionState).
const changed = (state: FormState) => {
  if (state.status === "success") {
    revalidatePath("/[locale]/meetings", "layout");
    revalidatePath("/[locale]", "page");
  }
  return state;
};

export async function proposeAgendaItemAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changed(await runFormCommand(proposeAgendaItem, formData, { successMessage: (await getTranslations("Proposals"))("proposed") }));
}
export async function acceptProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changed(await runFormCommand(acceptProposal, formData, { successMessage: (await getTranslations("Proposals"))("accepted") }));
}
export async function declineProposalAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changed(await runFormCommand(declineProposal, formData, { successMessage: (await getTranslations("Proposals"))("declined") }));
}
export async function signOffMinutesAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return changed(await runFormCommand(signOffMinutes, formData, { successMessage: (await getTranslations("SignOff"))("saved") }));
}
