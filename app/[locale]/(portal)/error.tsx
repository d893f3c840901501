"use client";

import { useErrorText, useRequestId } from "@/components/shell/request-id";
import { DATABASE_UNAVAILABLE_DIGEST } from "@/lib/errors/digest";

/**
 * A failure in one page: the shell stays, the user can retry. A page that failed because the database could not be
 * reached (lib/db.ts marks those errors) says "service unavailable", like the layout does when it cannot read the
 * user. Its words come from the portal layout, so pages need not ship the message formatter.
 */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useErrorText();
  const unavailable = error.digest === DATABASE_UNAVAILABLE_DIGEST;
  // The request id finds the server's log line (instrumentation.ts logs it with the digest).
  const reference = [useRequestId(), unavailable ? undefined : error.digest].filter(Boolean).join(" / ");
  return (
    <div role="alert">
      <h1>{unavailable ? text?.unavailableTitle : text?.title}</h1>
      <p>{unavailable ? text?.unavailableBody : text?.body}</p>
      {reference && <p className="text-sm text-gc-secondary">{text?.reference.replace("{digest}", reference)}</p>}
      <button type="button" className="gc-button mt-4" onClick={reset}>
        {text?.tryAgain}
      </button>
    </div>
  );
}
