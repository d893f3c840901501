import { getTranslations } from "next-intl/server";

/** A confirmation that something was done, announced politely (after a redirect, for instance). */
export function StatusNotice({ children }: { children: React.ReactNode }) {
  return (
    <p role="status" className="mb-6 border-l-4 border-health-green bg-gc-light p-4">
      {children}
    </p>
  );
}

/** "Your changes are saved.", on the page a save redirected to with `?saved=1`. */
export async function SavedNotice({ show }: { show: unknown }) {
  if (!show) return null;
  const forms = await getTranslations("Forms");
  return <StatusNotice>{forms("saved")}</StatusNotice>;
}
