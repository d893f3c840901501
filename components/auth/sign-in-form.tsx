"use client";

import { useRef, useState } from "react";
import { getSession, signIn } from "next-auth/react";
import { useTranslations } from "next-intl";

type FieldErrors = { email?: string; password?: string };

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * E-mail and password sign-in. Empty or malformed fields get a message at the field;
 * a refused sign-in gets one generic message that reveals nothing about the account.
 */
export function SignInForm({ callbackUrl, followPreferredLanguage = false }: { callbackUrl: string; followPreferredLanguage?: boolean }) {
  const t = useTranslations("SignIn");
  const mfa = useTranslations("Mfa");
  // Shown once the password was right and the account has a second factor (issue 17, point 7).
  const [needsCode, setNeedsCode] = useState(false);
  const codeRef = useRef<HTMLInputElement>(null);
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const summaryRef = useRef<HTMLDivElement>(null);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const code = String(data.get("code") ?? "").trim();
    const errors: FieldErrors = {};
    if (!email) errors.email = t("emailRequired");
    else if (!emailPattern.test(email)) errors.email = t("emailInvalid");
    if (!password) errors.password = t("passwordRequired");
    setFieldErrors(errors);
    setFormError(null);
    if (errors.email || errors.password) {
      requestAnimationFrame(() => summaryRef.current?.focus());
      return;
    }
    setPending(true);
    try {
      const result = await signIn("credentials", { email, password, ...(code ? { code } : {}), redirect: false });
      if (result?.ok && !result.error) {
        const language = followPreferredLanguage ? (await getSession().catch(() => null))?.user?.language : undefined;
        window.location.assign(language ? `/${language}` : callbackUrl);
        return;
      }
      if (result?.error === "MfaRequired") {
        setNeedsCode(true);
        setFormError(mfa("signInCodeNeeded"));
        setPending(false);
        requestAnimationFrame(() => codeRef.current?.focus());
        return;
      }
      // next-auth passes on the code authorizeCredentials throws when the database is down.
      const unavailable = result?.error === "ServiceUnavailable" || (result?.status ?? 0) >= 500;
      setFormError(unavailable ? t("unavailable") : t("failed"));
    } catch {
      setFormError(t("unavailable"));
    }
    setPending(false);
    requestAnimationFrame(() => summaryRef.current?.focus());
  }

  const problems = [
    fieldErrors.email && { id: "email", message: fieldErrors.email },
    fieldErrors.password && { id: "password", message: fieldErrors.password },
  ].filter(Boolean) as { id: string; message: string }[];

  return (
    <form noValidate onSubmit={onSubmit} className="max-w-md space-y-5" data-testid="sign-in-form">
      <div ref={summaryRef} tabIndex={-1} aria-live="polite" className="focus:outline-none">
        {(problems.length > 0 || formError) && (
          <div role="alert" className="border-l-4 border-gc-danger bg-white p-4">
            <h2 className="mt-0 text-xl">{t("errorSummary")}</h2>
            {formError && <p>{formError}</p>}
            {problems.length > 0 && (
              <ul className="list-disc pl-6">
                {problems.map((problem) => (
                  <li key={problem.id}>
                    <a href={`#${problem.id}`}>{problem.message}</a>
                  </li>
                ))}
              </ul>
            )}
          </div>
        )}
      </div>
      <div>
        <label htmlFor="email" className="gc-label">
          {t("email")}
        </label>
        {fieldErrors.email && (
          <span id="email-error" className="gc-error">
            {fieldErrors.email}
          </span>
        )}
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          className="gc-input"
          aria-invalid={fieldErrors.email ? true : undefined}
          aria-describedby={fieldErrors.email ? "email-error" : undefined}
        />
      </div>
      <div>
        <label htmlFor="password" className="gc-label">
          {t("password")}
        </label>
        {fieldErrors.password && (
          <span id="password-error" className="gc-error">
            {fieldErrors.password}
          </span>
        )}
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          className="gc-input"
          aria-invalid={fieldErrors.password ? true : undefined}
          aria-describedby={fieldErrors.password ? "password-error" : undefined}
        />
      </div>
      {needsCode && (
        <div>
          <label htmlFor="code" className="gc-label">
            {mfa("signInCode")}
          </label>
          <span id="code-hint" className="mb-1 block text-gc-secondary">
            {mfa("signInCodeHint")}
          </span>
          <input ref={codeRef} id="code" name="code" type="text" autoComplete="one-time-code" className="gc-input" aria-describedby="code-hint" />
        </div>
      )}
      <button type="submit" className="gc-button" disabled={pending} aria-disabled={pending}>
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
