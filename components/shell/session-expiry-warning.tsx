"use client";

import { useCallback, useEffect, useRef, useState } from "react";

export type SessionExpiryText = {
  warningTitle: string;
  /** With {time}: the clock time the session ends at. */
  warningBody: string;
  /** With {minutes} and {seconds}. */
  countdown: string;
  continue: string;
  signOutLater: string;
  extended: string;
  extendFailed: string;
  endedTitle: string;
  endedBody: string;
  signInAgain: string;
  close: string;
  signedInAgain: string;
};

type Phase = "quiet" | "warning" | "ended";

/** Two minutes' notice, as WCAG 2.2.1 asks ("at least 20 seconds to extend with a simple action"). */
const WARN_BEFORE_MS = 2 * 60 * 1000;

function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

/** Asks next-auth to re-issue the session cookie with the extension (lib/auth/session-extension.ts). */
async function requestExtension(): Promise<void> {
  const csrf = (await (await fetch("/api/auth/csrf", { cache: "no-store" })).json()) as { csrfToken?: string };
  await fetch("/api/auth/session", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ csrfToken: csrf.csrfToken, data: { extend: true } }),
  });
}

/** The session's remaining time as the server counts it, or 0 when it has ended. */
async function readRemaining(): Promise<number | null> {
  const response = await fetch("/api/session", { cache: "no-store" });
  if (!response.ok) return 0;
  const body = (await response.json()) as { remainingMs: number | null };
  return body.remainingMs;
}

/**
 * Warns two minutes before the session ends, in a modal dialog that offers to continue it; when it has ended, says
 * so and offers to sign in again in a new tab, so that nothing typed on this page is lost (forms also keep what was
 * typed when a save meets an ended session). The server gives a duration, so a wrong clock on the computer does not
 * matter; the timers run on the browser's clock from the moment the page was read.
 */
export function SessionExpiryWarning({ remainingMs, locale, signInHref, text }: { remainingMs: number; locale: string; signInHref: string; text: SessionExpiryText }) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const continueRef = useRef<HTMLButtonElement>(null);
  const timers = useRef<number[]>([]);
  // `deadline` is on this browser's clock; it is set by the timers below, never during the server's render.
  const [{ phase, deadline }, setView] = useState<{ phase: Phase; deadline: number | null }>({ phase: "quiet", deadline: null });
  const [now, setNow] = useState(0);
  const [announcement, setAnnouncement] = useState("");
  const [busy, setBusy] = useState(false);

  /** (Re)starts the two timers for a session that has `left` milliseconds: the warning, then the end. */
  const schedule = useCallback((left: number) => {
    timers.current.forEach((timer) => window.clearTimeout(timer));
    const at = Date.now() + left;
    timers.current = [
      window.setTimeout(() => {
        setNow(Date.now());
        setView({ phase: "warning", deadline: at });
      }, Math.max(0, left - WARN_BEFORE_MS)),
      window.setTimeout(() => setView({ phase: "ended", deadline: at }), Math.max(0, left)),
    ];
    return at;
  }, []);

  const statusRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    schedule(remainingMs);
    // Says the timers run (a page that is not hydrated yet has none): what a test waits for before moving the clock.
    statusRef.current?.setAttribute("data-armed", "true");
    const pending = timers;
    return () => pending.current.forEach((timer) => window.clearTimeout(timer));
  }, [remainingMs, schedule]);

  // The countdown ticks only while the warning shows.
  useEffect(() => {
    if (phase !== "warning") return;
    const tick = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(tick);
  }, [phase]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (phase === "quiet") {
      if (dialog.open) dialog.close();
      return;
    }
    if (!dialog.open) dialog.showModal();
    if (phase === "warning") continueRef.current?.focus();
  }, [phase]);

  const resumeWith = useCallback(
    (left: number | null, message: (until: number) => string) => {
      if (left === null || left <= WARN_BEFORE_MS) return false;
      const at = schedule(left);
      setView({ phase: "quiet", deadline: at });
      setAnnouncement(message(at));
      return true;
    },
    [schedule],
  );

  // Signed in again in another tab? Ask when this tab comes back into view.
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState !== "visible" || phase !== "ended") return;
      void readRemaining()
        .then((left) => resumeWith(left, () => text.signedInAgain))
        .catch(() => undefined);
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("focus", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("focus", onVisible);
    };
  }, [phase, resumeWith, text.signedInAgain]);

  const clock = (at: number) => new Intl.DateTimeFormat(locale === "fr" ? "fr-CA" : "en-CA", { hour: "numeric", minute: "2-digit" }).format(new Date(at));
  const endsAt = deadline === null ? "" : clock(deadline);
  const left = deadline === null ? 0 : Math.max(0, deadline - now);

  const onContinue = async () => {
    setBusy(true);
    try {
      await requestExtension();
      const remaining = await readRemaining();
      if (remaining === 0) {
        setView((view) => ({ ...view, phase: "ended" }));
        return;
      }
      if (!resumeWith(remaining, (at) => fill(text.extended, { time: clock(at) }))) setAnnouncement(text.extendFailed);
    } catch {
      setAnnouncement(text.extendFailed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <p ref={statusRef} role="status" className="sr-only" data-testid="session-expiry-status">
        {announcement}
      </p>
      <dialog
        ref={dialogRef}
        aria-labelledby="session-expiry-title"
        aria-describedby="session-expiry-body"
        onCancel={(event) => {
          // Escape closes the warning (the timers keep running); the ended notice, too.
          event.preventDefault();
          setView((view) => ({ ...view, phase: "quiet" }));
        }}
        className="max-w-lg rounded border border-gray-400 p-6 shadow-lg backdrop:bg-black/40">
        {phase === "ended" ? (
          <>
            <h2 id="session-expiry-title" className="text-xl font-bold">
              {text.endedTitle}
            </h2>
            <p id="session-expiry-body" className="mt-3">
              {text.endedBody}
            </p>
            <div className="mt-5 flex flex-wrap gap-3">
              <a href={signInHref} target="_blank" rel="noopener" className="gc-button">
                {text.signInAgain}
              </a>
              <button type="button" className="gc-button-secondary" onClick={() => setView((view) => ({ ...view, phase: "quiet" }))}>
                {text.close}
              </button>
            </div>
          </>
        ) : (
          <>
            <h2 id="session-expiry-title" className="text-xl font-bold">
              {text.warningTitle}
            </h2>
            <p id="session-expiry-body" className="mt-3">
              {fill(text.warningBody, { time: endsAt })}
            </p>
            <p className="mt-2 font-semibold" aria-hidden="true">
              {fill(text.countdown, { minutes: Math.floor(left / 60_000), seconds: String(Math.floor((left % 60_000) / 1000)).padStart(2, "0") })}
            </p>
            <div className="mt-5 flex flex-wrap gap-3">
              <button ref={continueRef} type="button" className="gc-button" disabled={busy} onClick={() => void onContinue()}>
                {text.continue}
              </button>
              <button type="button" className="gc-button-secondary" onClick={() => setView((view) => ({ ...view, phase: "quiet" }))}>
                {text.signOutLater}
              </button>
            </div>
          </>
        )}
      </dialog>
    </>
  );
}
