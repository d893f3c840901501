"use server";

import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { clientAddress, parseTrustedProxies } from "@/lib/auth/client-address";
import { env } from "@/lib/env";
import { runFormCommand } from "@/lib/kernel/action";
import type { FormState } from "@/lib/kernel/form-state";
import { isLocale } from "@/lib/i18n/routing";
import { submitProblemReport } from "./commands";

/**
 * The "Report a problem on this page" form of every page (components/identity/report-problem.tsx). The form posts
 * without JavaScript too. The client's address comes from the request (never from the form), for the throttle.
 */
export async function reportProblemAction(_state: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("ProblemReport");
  const current = await getLocale();
  const locale = isLocale(current) ? current : "en";
  const ip = clientAddress((await headers()).get("x-forwarded-for"), parseTrustedProxies(env().TRUSTED_PROXIES));
  return runFormCommand((user, input, options) => submitProblemReport(user, input, { requestId: options?.requestId, ip, locale }), formData, {
    successMessage: t("sent"),
  });
}
