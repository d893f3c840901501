"use client";

import { useState } from "react";
import { signIn } from "next-auth/react";

/** "Sign in with your organisation": hands over to the OpenID Connect provider, then back to `callbackUrl`. */
export function SsoButton({ providerId, label, callbackUrl }: { providerId: string; label: string; callbackUrl: string }) {
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      className="gc-button-secondary"
      disabled={pending}
      aria-disabled={pending}
      onClick={() => {
        setPending(true);
        void signIn(providerId, { callbackUrl });
      }}
    >
      {label}
    </button>
  );
}
