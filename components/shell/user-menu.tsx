import { getLocale, getTranslations } from "next-intl/server";
import type { SessionUser } from "@/lib/auth/types";
import { Link } from "@/lib/i18n/navigation";
import { SignOutButton } from "./sign-out-button";

export async function UserMenu({ user }: { user: SessionUser }) {
  const t = await getTranslations("Shell");
  const roles = await getTranslations("Roles");
  const locale = await getLocale();
  const role = roles(user.role);
  const department = user.departmentAcronym ? (locale === "fr" ? user.departmentAcronym.fr : user.departmentAcronym.en) : null;
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm" data-testid="user-menu">
      <p>
        <Link href="/profile" className="font-semibold text-white hover:text-white">
          {t("signedInAs", { name: user.displayName })}
        </Link>
        <span className="block">{department ? t("roleAndDepartment", { role, department }) : role}</span>
      </p>
      <SignOutButton />
    </div>
  );
}
