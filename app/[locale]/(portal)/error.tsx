"use client";

import { useTranslations } from "next-intl";
import { useRequestId } from "@/components/shell/request-id";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/digest";

/**
 * A failure in one page: the shell stays, the user can retry. A page that failed because the database could not be
 * reached (lib/db.ts marks those errors) says "service unavailable", like the layout does when it cannot read the user.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  // The request id finds the server's log line (instrumentation.ts logs it with the digest).
  const reference = [useRequestId(), unavailable ? undefined : error.digest].filter(Boolean).join(" / ");
  return (
    <div role="alert">
      <h1>{t(unavailable ? "unavailableTitle" : "errorTitle")}</h1>
      <p>{t(unavailable ? "unavailableBody" : "errorBody")}</p>
      {reference && <p className="text-sm text-gc-secondary">{t("reference", { digest: reference })}</p>}
      <button type="button" className="gc-button mt-4" onClick={reset}>
        {t("tryAgain")}
      </button>
    </div>
  );
}
