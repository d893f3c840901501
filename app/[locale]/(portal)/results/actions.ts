"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import type { FormState } from "@/lib/kernel/form-state";
import { runFormCommand } from "@/lib/kernel/action";
import { redirect } from "@/lib/i18n/navigation";
import { archiveIndicator, archiveResult, archiveTarget, correctActual, createIndicator, createResult, enterActual, reviewActual, setTarget, updateIndicator, updateResult } from "@/lib/results/commands";

/**
 * Thin server actions of the results framework (issue 18): form data in, command, form state out. The commands
 * validate and authorize; these only translate and revalidate. Redirects happen after the command.
 */

async function goTo(href: string): Promise<never> {
  const locale = await getLocale();
  revalidatePath("/", "layout");
  return redirect({ href, locale: locale === "fr" ? "fr" : "en" });
}

const refresh = () => revalidatePath("/", "layout");

export async function createResultAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(createResult, formData);
  if (state.status === "success") await goTo("/results");
  return state;
}

export async function createIndicatorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  let id: string | null = null;
  const state = await runFormCommand(createIndicator, formData, { onSuccess: (data) => void (id = data.id) });
  if (state.status === "success" && id) await goTo(`/indicators/${id}`);
  return state;
}

export async function setTargetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(setTarget, formData, { onSuccess: refresh });
}

export async function enterActualAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(enterActual, formData, { onSuccess: refresh });
}

export async function reviewActualAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(reviewActual, formData, { onSuccess: refresh });
}

// Edit and archive (results2): an edit stays on its page with the saved message (the page gives the new version);
// an archive leaves for the results overview, the record being gone from every page.

export async function updateResultAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(updateResult, formData, { onSuccess: refresh });
}

export async function archiveResultAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(archiveResult, formData);
  if (state.status === "success") await goTo("/results");
  return state;
}

export async function updateIndicatorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(updateIndicator, formData, { onSuccess: refresh });
}

export async function archiveIndicatorAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const state = await runFormCommand(archiveIndicator, formData);
  if (state.status === "success") await goTo("/results");
  return state;
}

export async function correctActualAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(correctActual, formData, { onSuccess: refresh });
}

export async function archiveTargetAction(_previous: FormState, formData: FormData): Promise<FormState> {
  return runFormCommand(archiveTarget, formData, { onSuccess: refresh });
}
