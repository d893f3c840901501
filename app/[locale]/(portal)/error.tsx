"use client";

import { useTranslations } from "next-intl";

/** An unexpected failure in one page: the shell stays, the user can retry. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations("Errors");
  return (
    <div role="alert">
      <h1>{t("errorTitle")}</h1>
      <p>{t("errorBody")}</p>
      {error.digest && <p className="text-sm text-gc-secondary">{t("reference", { digest: error.digest })}</p>}
      <button type="button" className="gc-button mt-4" onClick={reset}>
        {t("tryAgain")}
      </button>
    </div>
  );
}
