import QRCode from "qrcode";
import { getTranslations } from "next-intl/server";
import { myMfa } from "@/lib/auth/mfa";
import { totpUri } from "@/lib/auth/totp";
import type { SessionUser } from "@/lib/auth/types";
import { formatDateTime } from "@/lib/format/numbers";
import type { Locale } from "@/lib/i18n/routing";
import { CommandForm } from "@/components/forms/command-form";
import type { FormState } from "@/lib/kernel/form-state";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;

/**
 * The profile's two-step verification: how to enrol (a QR code made on the server, and the key spelled out for
 * those who cannot scan it), then a code to confirm; once on, since when and how many recovery codes are left.
 */
export async function MfaSection({ user, locale, required, actions }: { user: SessionUser; locale: Locale; required: boolean; actions: { start: Action; confirm: Action } }) {
  const { start: startMfaEnrolmentAction, confirm: confirmMfaEnrolmentAction } = actions;
  const t = await getTranslations("Mfa");
  const mfa = await myMfa(user);
  const qr = mfa.status === "pending" ? await qrDataUrl(totpUri(mfa.secret, user.email)) : null;
  return (
    <section aria-labelledby="mfa-heading">
      <h2 id="mfa-heading">{t("heading")}</h2>
      {mfa.status === "enrolled" && (
        <>
          <p>{t("enrolledSince", { when: formatDateTime(mfa.since, locale) })}</p>
          <p>{t("codesLeft", { count: mfa.codesLeft })}</p>
        </>
      )}
      {mfa.status === "none" && (
        <>
          <p role={required ? "alert" : undefined} className={required ? "border-l-4 border-gc-danger bg-gc-light p-4 font-semibold" : undefined}>
            {required ? t("required") : t("optional")}
          </p>
          <CommandForm action={startMfaEnrolmentAction} testId="mfa-start" submitLabel={t("start")} fields={[]} />
        </>
      )}
      {mfa.status === "pending" && (
        <>
          <p>{t("scan")}</p>
          {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made here, nothing for next/image to optimise */}
          <img src={qr ?? ""} alt={t("qrAlt")} width={200} height={200} data-testid="mfa-qr" />
          <p>
            {t("keyInstead")} <code data-testid="mfa-secret">{mfa.secret.replace(/(.{4})/g, "$1 ").trim()}</code>
          </p>
          <CommandForm
            action={confirmMfaEnrolmentAction}
            testId="mfa-confirm"
            submitLabel={t("confirm")}
            fields={[{ name: "code", label: t("code"), hint: t("codeHint"), type: "text", autoComplete: "one-time-code", required: true }]}
          />
        </>
      )}
    </section>
  );
}

async function qrDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: "svg", errorCorrectionLevel: "M", margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
