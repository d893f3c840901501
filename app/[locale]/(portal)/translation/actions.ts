"use server";

import { revalidatePath } from "next/cache";
import { getLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { runActionCommand } from "@/lib/kernel/action";
import { requestTranslation, verifyTranslation } from "@/lib/translation";

const kept = ["kind", "state", "department", "meeting", "dueBy"];

/** Back to the queue with its filters (from the form's hidden `return`) and what happened. */
async function back(formData: FormData, notice: Record<string, string>): Promise<never> {
  const previous = new URLSearchParams(typeof formData.get("return") === "string" ? (formData.get("return") as string) : "");
  const query: Record<string, string> = {};
  for (const name of kept) {
    const value = previous.get(name);
    if (value) query[name] = value.slice(0, 100);
  }
  const locale = await getLocale();
  redirect({ href: { pathname: "/translation", query: { ...query, ...notice } }, locale: isLocale(locale) ? locale : "en" });
}

export async function requestTranslationsAction(formData: FormData) {
  const keys = formData.getAll("keys").filter((value): value is string => typeof value === "string");
  if (keys.length === 0) await back(formData, { notice: "nothingSelected" });
  const result = await runActionCommand(requestTranslation, { keys: keys.slice(0, 500) });
  if (result.ok) revalidatePath("/[locale]/translation", "page");
  await back(formData, result.ok ? { notice: "requested", count: String(result.data.count) } : { notice: "failed" });
}

export async function verifyTranslationAction(formData: FormData) {
  const result = await runActionCommand(verifyTranslation, { key: formData.get("key") });
  if (result.ok) revalidatePath("/[locale]/translation", "page");
  await back(formData, { notice: result.ok ? "verified" : "failed" });
}

/** The screens that verify a translation in place, and come back to themselves afterwards. */
const inPlaceScreens = /^\/(initiatives\/[0-9a-f-]{36}\/edit|meetings\/[0-9a-f-]{36}\/(edit|record))$/;

/** "Mark verified" beside a text on the screen where it is edited (issue 21, point 5): back to that screen. */
export async function verifyInPlaceAction(formData: FormData) {
  const result = await runActionCommand(verifyTranslation, { key: formData.get("key") });
  const requested = formData.get("return");
  const pathname = typeof requested === "string" && inPlaceScreens.test(requested) ? requested : "/translation";
  if (result.ok) revalidatePath(`/[locale]${pathname.replace(/[0-9a-f-]{36}/, "[id]")}`, "page");
  const locale = await getLocale();
  redirect({ href: { pathname, query: { verified: result.ok ? "1" : "0" } }, locale: isLocale(locale) ? locale : "en" });
}
