"use client";

import { useErrorText, useRequestId } from "@/components/shell/request-id";

/** An unexpected failure in one page: the shell stays, the user can retry. Its words come from the portal layout. */
export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const text = useErrorText();
  // The request id finds the server's log line (instrumentation.ts logs it with the digest).
  const reference = [useRequestId(), error.digest].filter(Boolean).join(" / ");
  return (
    <div role="alert">
      <h1>{text?.title}</h1>
      <p>{text?.body}</p>
      {reference && <p className="text-sm text-gc-secondary">{text?.reference.replace("{digest}", reference)}</p>}
      <button type="button" className="gc-button mt-4" onClick={reset}>
        {text?.tryAgain}
      </button>
    </div>
  );
}
