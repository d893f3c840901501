"use client";

import { useTranslations } from "next-intl";
import { useRequestId } from "@/components/shell/request-id";

/** An unexpected failure in one page: the shell stays, the user can retry. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  // The request id finds the server's log line (instrumentation.ts logs it with the digest).
  const reference = [useRequestId(), error.digest].filter(Boolean).join(" / ");
  return (
    <div role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      {reference && <p className="text-sm text-gc-secondary">{t("reference", { digest: reference })}</p>}
      <button type="button" className="gc-button mt-4" onClick={reset}>
        {t("tryAgain")}
      </button>
    </div>
  );
}
