"use client";

import { signOut } from "next-auth/react";
import { useLocale, useTranslations } from "next-intl";

export function SignOutButton() {
  const t = useTranslations("Shell");
  const locale = useLocale();
  return (
    <button
      type="button"
      className="rounded-sm border-2 border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-gc-primary"
      onClick={() => signOut({ callbackUrl: `/${locale}/sign-in?signedOut=1` })}
    >
      {t("signOut")}
    </button>
  );
}
