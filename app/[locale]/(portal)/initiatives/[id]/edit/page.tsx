import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { can } from "@/lib/authz/permissions";
import { centsToInput } from "@/lib/funding/money";
import { fiscalYearLabel, formatMoney } from "@/lib/format/numbers";
import { dateInput } from "@/lib/initiatives/labels";
import { getInitiative, getInitiativeForEdit, getReferenceData } from "@/lib/initiatives/queries";
import { pickLocalized } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/shell/page-header";
import { InitiativeForm } from "@/components/initiatives/initiative-form";
import { initiativeFormOptions } from "@/components/initiatives/form-options";
import { ButtonForm } from "@/components/initiatives/button-form";
import { FundingLineForm, MilestoneForm } from "@/components/initiatives/small-forms";
import {
  addFundingLineAction,
  addMilestoneAction,
  archiveInitiativeAction,
  removeFundingLineAction,
  removeMilestoneAction,
  updateFundingLineAction,
  updateInitiativeAction,
  updateMilestoneAction,
} from "../../actions";
import { verifyInPlaceAction } from "../../../translation/actions";
import { textLanguageStatuses } from "@/lib/translation/queries";
import { LanguageStatus } from "@/components/translation/language-status";

export async function generateMetadata({ params }: PageProps<"/[locale]/initiatives/[id]/edit">): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale, namespace: "Initiatives" });
  return { title: t("edit") };
}

/** Edit an initiative, its milestones and funding lines. Answers not-found to anyone who may not edit it. */
export default async function EditInitiativePage({ params, searchParams }: PageProps<"/[locale]/initiatives/[id]/edit">) {
  const { locale, user } = await guardPage(params, "initiative.update");
  const { id } = await params;
  const initiative = await getInitiativeForEdit(user, id);
  if (!initiative || !can(user, "initiative.update", { departmentId: initiative.leadDepartmentId })) notFound();
  const detail = await getInitiative(user, id);
  if (!detail) notFound();
  const t = await getTranslations("Initiatives");
  const lifecycle = await getTranslations("Lifecycle");
  const options = initiativeFormOptions(user, await getReferenceData(), locale, initiative.leadDepartmentId);
  const title = pickLocalized(locale, initiative.titleEn, initiative.titleFr)?.text ?? initiative.code;
  const amountExample = locale === "fr" ? "12 300 000" : "12,300,000";
  const fiscalYearExample = fiscalYearLabel(2007, locale);
  const languages = await textLanguageStatuses(user, [{ kind: "initiative", id, field: "title" }, { kind: "initiative", id, field: "summary" }]);
  return (
    <>
      <PageHeader
        title={t("editTitle", { code: initiative.code })}
        trail={[{ label: t("title"), href: "/initiatives" }, { label: initiative.code, href: `/initiatives/${id}` }, { label: t("edit") }]}
      >
        <p>{title}</p>
      </PageHeader>

      <InitiativeForm
        action={updateInitiativeAction}
        values={{
          id: initiative.id,
          version: initiative.version,
          titleEn: initiative.titleEn,
          titleFr: initiative.titleFr,
          summaryEn: initiative.summaryEn,
          summaryFr: initiative.summaryFr,
          leadDepartmentId: initiative.leadDepartmentId,
          partnerDepartmentIds: initiative.partners.map((p) => p.departmentId),
          primaryPillarId: initiative.primaryPillarId,
          secondaryPillarIds: initiative.secondaryPillars.map((p) => p.pillarId),
          status: initiative.status,
          startDate: dateInput(initiative.startDate),
          targetEndDate: dateInput(initiative.targetEndDate),
          notes: initiative.notes,
        }}
        {...options}
        statuses={(["PLANNED", "ACTIVE", "COMPLETED", "CANCELLED"] as const).map((s) => ({ value: s, label: lifecycle(s) }))}
        submitLabel={t("save")}
      />

      <LanguageStatus
        headingId="initiative-languages"
        locale={locale}
        verifyAction={verifyInPlaceAction}
        returnTo={`/initiatives/${id}/edit`}
        verified={(await searchParams).verified}
        entries={[
          { label: t("initiativeTitle"), status: languages.get(`initiative:${id}:title`) },
          { label: t("summary"), status: languages.get(`initiative:${id}:summary`) },
        ]}
      />

      <section aria-labelledby="manage-milestones" className="mt-8">
        <h2 id="manage-milestones">{t("manageMilestones")}</h2>
        {detail.milestones.map((m, index) => {
          const name = pickLocalized(locale, m.titleEn, m.titleFr)?.text ?? "";
          return (
            <div key={`${m.id}-${m.version}`} className="mb-4 border border-gc-border p-4">
              <h3 className="mt-0 text-xl">{name}</h3>
              <MilestoneForm
                action={updateMilestoneAction}
                formId={`milestone-${index + 1}`}
                values={{ id: m.id, version: m.version, titleEn: m.titleEn, titleFr: m.titleFr, dueDate: dateInput(m.dueDate), completedDate: dateInput(m.completedDate) }}
                submitLabel={t("editNamed", { name })}
              />
              <ButtonForm action={removeMilestoneAction} fields={{ id: m.id, version: m.version }} label={t("removeNamed", { name })} />
            </div>
          );
        })}
        <h3>{t("addMilestone")}</h3>
        <MilestoneForm action={addMilestoneAction} formId="milestone-new" initiativeId={id} values={{ titleEn: "", titleFr: "", dueDate: "", completedDate: "" }} submitLabel={t("addMilestone")} />
      </section>

      <section aria-labelledby="manage-funding" className="mt-8">
        <h2 id="manage-funding">{t("manageFunding")}</h2>
        {detail.fundingLines.map((line, index) => {
          const name = `${line.source} ${fiscalYearLabel(line.fiscalYear, locale)}`;
          return (
            <div key={`${line.id}-${line.version}`} className="mb-4 border border-gc-border p-4">
              <h3 className="mt-0 text-xl">
                {name} — {formatMoney(line.allocatedCents, locale)}
              </h3>
              <FundingLineForm
                action={updateFundingLineAction}
                formId={`funding-${index + 1}`}
                locale={locale}
                amountExample={amountExample}
                fiscalYearExample={fiscalYearExample}
                values={{ id: line.id, version: line.version, source: line.source, fiscalYear: String(line.fiscalYear), allocated: centsToInput(line.allocatedCents, locale), spent: centsToInput(line.spentCents, locale), notes: line.notes ?? "" }}
                submitLabel={t("editNamed", { name })}
              />
              <ButtonForm action={removeFundingLineAction} fields={{ id: line.id, version: line.version }} label={t("removeNamed", { name })} />
            </div>
          );
        })}
        <h3>{t("addFundingLine")}</h3>
        <FundingLineForm
          action={addFundingLineAction}
          formId="funding-new"
          initiativeId={id}
          locale={locale}
          amountExample={amountExample}
          fiscalYearExample={fiscalYearExample}
          values={{ source: "", fiscalYear: "", allocated: "", spent: "", notes: "" }}
          submitLabel={t("addFundingLine")}
        />
      </section>

      {can(user, "initiative.archive", { departmentId: initiative.leadDepartmentId }) && (
        <section aria-labelledby="archive" className="mt-8">
          <h2 id="archive">{t("archiveHeading")}</h2>
          <p>{t("archiveExplained")}</p>
          <ButtonForm action={archiveInitiativeAction} fields={{ id: initiative.id, version: initiative.version }} label={t("archive")} />
        </section>
      )}
    </>
  );
}
