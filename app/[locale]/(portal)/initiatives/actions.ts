"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { redirect } from "@/lib/i18n/navigation";
import {
  addFundingLine,
  addMilestone,
  archiveInitiative,
  createInitiative,
  postStatusUpdate,
  removeFundingLine,
  removeMilestone,
  reviewStatusUpdate,
  updateFundingLine,
  updateInitiative,
  updateMilestone,
} from "@/lib/initiatives/commands";

/**
 * Thin server actions: form data in, command, form state out. The commands authorize and validate;
 * a page's check never covers these. Redirects happen after the command, outside runFormCommand.
 */

async function goTo(href: string): Promise<never> {
  const locale = await getLocale();
  revalidatePath("/", "layout");
  return redirect({ href, locale: locale === "fr" ? "fr" : "en" });
}

function refresh() {
  revalidatePath("/", "layout");
}

export async function createInitiativeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string | null = null;
  const state = await runFormCommand(createInitiative, formData, { onSuccess: (data) => void (id = data.id) });
  if (state.status === "success" && id) await goTo(`/initiatives/${id}`);
  return state;
}

export async function updateInitiativeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(updateInitiative, formData);
  if (state.status === "success") await goTo(`/initiatives/${String(formData.get("id"))}`);
  return state;
}

export async function archiveInitiativeAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(archiveInitiative, formData);
  if (state.status === "success") await goTo("/initiatives");
  return state;
}

/**
 * Posted from script, the form goes to the initiative itself (StatusUpdateForm): a redirect here would make Next
 * render the initiative page inside this response, and a revalidation would render the form's page. Posted
 * without script (a plain form submission), it redirects as usual.
 */
export async function postStatusUpdateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(postStatusUpdate, formData);
  if (state.status !== "success") return state;
  const href = `/initiatives/${String(formData.get("initiativeId"))}`;
  if ((await headers()).has("next-action")) return { ...state, redirectTo: href };
  return goTo(href);
}

export async function reviewStatusUpdateAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("Initiatives");
  return runFormCommand(reviewStatusUpdate, formData, { onSuccess: refresh, successMessage: t("reviewed") });
}

export async function addMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(addMilestone, formData, { onSuccess: refresh });
}

export async function updateMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(updateMilestone, formData, { onSuccess: refresh });
}

export async function removeMilestoneAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(removeMilestone, formData, { onSuccess: refresh });
}

/** Funding forms also send `locale`: amounts are read in the conventions of the page's language. */
export async function addFundingLineAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(addFundingLine, formData, { onSuccess: refresh });
}

export async function updateFundingLineAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(updateFundingLine, formData, { onSuccess: refresh });
}

export async function removeFundingLineAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(removeFundingLine, formData, { onSuccess: refresh });
}
