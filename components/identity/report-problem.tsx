import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { reportProblemAction } from "@/lib/problem-reports/actions";
import { ReportProblemForm } from "./report-problem-form";

/** The page the visitor is on, as proxy.ts saw it (x-portal-path), so that the report says which page. */
async function currentPagePath(): Promise<string> {
  const path = (await headers()).get("x-portal-path");
  return path && path.startsWith("/") ? path.slice(0, 500) : `/${await getLocale()}`;
}

/** The "Report a problem on this page" disclosure of the footer; its words come from the server. */
export async function ReportProblem() {
  const t = await getTranslations("ProblemReport");
  return (
    <ReportProblemForm
      action={reportProblemAction}
      pagePath={await currentPagePath()}
      text={{
        summary: t("summary"),
        intro: t("intro"),
        descriptionLabel: t("descriptionLabel"),
        descriptionHint: t("descriptionHint"),
        contactLabel: t("contactLabel"),
        submit: t("submit"),
      }}
    />
  );
}
