import { getLocale, getTranslations } from "next-intl/server";
import { signOutAction } from "@/lib/auth/sign-out";

/** A form, not a script: signing out works before the page's JavaScript has loaded, and ships none of next-auth's. */
export async function SignOutButton() {
  const t = await getTranslations("Shell");
  const locale = await getLocale();
  return (
    <form action={signOutAction}>
      <input type="hidden" name="locale" value={locale} />
      <button type="submit" className="rounded-sm border-2 border-white px-3 py-1 font-semibold text-white hover:bg-white hover:text-gc-primary">
        {t("signOut")}
      </button>
    </form>
  );
}
