import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { listPillarsForAdmin } from "@/lib/admin/queries";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { Link } from "@/lib/i18n/navigation";
import { CommandForm } from "@/components/forms/command-form";
import { AdminPageHeader } from "@/components/admin/admin-page-header";
import { ResultTable } from "@/components/admin/list-page";
import { SavedNotice, StatusNotice } from "@/components/ui/status-notice";
import { createPillarAction, movePillarAction } from "../actions";

export async function generateMetadata({ params }: PageProps<"/[locale]/admin/pillars">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "AdminPillars" });
  return { title: t("title") };
}

export default async function AdminPillarsPage({ params, searchParams }: PageProps<"/[locale]/admin/pillars">) {
  const { locale, user } = await guardPage(params, "admin.manage");
  const query = await searchParams;
  const t = await getTranslations("AdminPillars");
  const pillars = await listPillarsForAdmin(user);
  const movedName = pillars.find((pillar) => pillar.id === query.moved);
  return (
    <>
      <AdminPageHeader title={t("title")}>
        <p>{t("intro")}</p>
      </AdminPageHeader>
      <div aria-live="polite">
        <SavedNotice show={query.saved} />
        {movedName && <StatusNotice>{t("moved", { name: byLocale(locale, movedName.nameEn, movedName.nameFr) })}</StatusNotice>}
      </div>
      <ResultTable testId="admin-pillars-table" caption={t("tableCaption")} columns={[t("position"), t("name"), t("code"), t("colour"), t("status"), t("order")]}>
        {pillars.map((pillar, index) => {
          const name = byLocale(locale, pillar.nameEn, pillar.nameFr);
          return (
            <tr key={pillar.id}>
              <td>{index + 1}</td>
              <th scope="row" className="font-normal">
                <Link href={`/admin/pillars/${pillar.id}`}>{name}</Link>
              </th>
              <td>{pillar.code}</td>
              <td>
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden="true" className="inline-block h-5 w-5 rounded-sm border border-gc-dark" style={{ backgroundColor: pillar.colour }} />
                  {pillar.colour}
                </span>
              </td>
              <td>{pillar.active ? t("active") : t("inactive")}</td>
              <td>
                <div className="flex gap-2">
                  {(["up", "down"] as const).map((direction) => {
                    const disabled = direction === "up" ? index === 0 : index === pillars.length - 1;
                    return (
                      <form key={direction} action={movePillarAction}>
                        <input type="hidden" name="id" value={pillar.id} />
                        <input type="hidden" name="direction" value={direction} />
                        <button type="submit" className="gc-button-secondary" disabled={disabled} aria-label={t(direction === "up" ? "moveUp" : "moveDown", { name })}>
                          {direction === "up" ? "↑" : "↓"}
                        </button>
                      </form>
                    );
                  })}
                </div>
              </td>
            </tr>
          );
        })}
      </ResultTable>
      <h2>{t("create")}</h2>
      <CommandForm
        action={createPillarAction}
        creates
        testId="create-pillar"
        submitLabel={t("createSubmit")}
        fields={[
          { name: "code", label: t("code"), hint: t("codeHint"), type: "text", required: true },
          { name: "nameEn", label: t("nameEn"), type: "text", required: true },
          { name: "nameFr", label: t("nameFr"), type: "text", required: true },
          { name: "descriptionEn", label: t("descriptionEn"), type: "textarea" },
          { name: "descriptionFr", label: t("descriptionFr"), type: "textarea" },
          { name: "colour", label: t("colour"), hint: t("colourHint"), type: "text", defaultValue: "#1F5C99", required: true },
        ]}
      />
    </>
  );
}
