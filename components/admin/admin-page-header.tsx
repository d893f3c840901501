import { getTranslations } from "next-intl/server";
import type { Crumb } from "@/components/shell/breadcrumbs";
import { PageHeader } from "@/components/shell/page-header";

/**
 * The header of an administration page: breadcrumbs from Administration, through `section` (the list a record
 * page belongs to), to this page, named `crumb` when its title is longer ("Edit Prevention" → "Prevention").
 */
export async function AdminPageHeader({ title, section, crumb, children }: { title: string; section?: Crumb; crumb?: string; children?: React.ReactNode }) {
  const nav = await getTranslations("Nav");
  const trail: Crumb[] = [{ label: nav("administration"), href: "/admin" }, ...(section ? [section] : []), { label: crumb ?? title }];
  return (
    <PageHeader title={title} trail={trail}>
      {children}
    </PageHeader>
  );
}
