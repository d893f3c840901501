"use server";

import { getTranslations } from "next-intl/server";
import { createCalendarFeed, revokeCalendarFeed } from "@/lib/calendar-feeds/commands";
import { calendarFeedUrl } from "@/lib/calendar-feeds/queries";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";

/**
 * Makes (or replaces) one's calendar address. The address comes back in the form's message, the one time it is ever
 * shown (only its hash is kept); the page is not reloaded, so that it stays on screen until copied.
 */
export async function createCalendarFeedAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("CalendarFeed");
  let token = "";
  const state = await runFormCommand(createCalendarFeed, formData, { onSuccess: (data) => void (token = data.token) });
  if (state.status !== "success") return state;
  return { status: "success", message: t("created", { url: calendarFeedUrl(token) }) };
}

export async function revokeCalendarFeedAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("CalendarFeed");
  const state = await runFormCommand(revokeCalendarFeed, formData);
  return state.status === "success" ? { status: "success", message: t("revoked") } : state;
}
