import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { getAgendaBuilderData, presentingDepartments } from "@/lib/agenda/queries";
import { listAgendaSuggestionsWithResults } from "@/lib/agenda/suggestions";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { AgendaBuilder } from "@/components/agenda/agenda-builder";
import { listMeetingProposals } from "@/lib/agenda-proposals/queries";
import { ProposalsPanel } from "@/components/agenda-proposals/proposals-panel";
import { acceptProposalAction, declineProposalAction } from "../../proposals-actions";
import { addAgendaItemAction, publishAgendaAction, removeAgendaItemAction, reorderAgendaAction, startAgendaAction, updateAgendaItemAction } from "../../actions";

export default async function AgendaBuilderPage({ params }: PageProps<"/[locale]/meetings/[id]/agenda">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const { id } = await params;
  // A fixed number of statements whatever the data (after the session's): the agenda, the suggestions (with the
  // indicators that missed their target), the departments.
  // Initiatives and action items to link are searched as the user types (GET /api/agenda/links).
  const [agenda, suggestions, departments, proposals] = await Promise.all([getAgendaBuilderData(user, id), listAgendaSuggestionsWithResults(user, id), presentingDepartments(), listMeetingProposals(user, id)]);
  if (!agenda) notFound();
  const t = await getTranslations("Agenda");
  const nav = await getTranslations("Nav");
  const title = byLocale(locale, agenda.titleEn, agenda.titleFr);
  return (
    <>
      <PageHeader title={t("builderTitle", { title })} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title, href: `/meetings/${id}` }, { label: t("builder") }]} />
      <QueryProvider>
        {/* The departments' proposals (issue 22.3), beside the builder's own suggestions. */}
        <ProposalsPanel
          meetingId={id}
          locale={locale}
          locked={agenda.agendaStatus === "HELD"}
          pending={proposals.filter((proposal) => proposal.status === "PENDING")}
          decided={proposals.filter((proposal) => proposal.status !== "PENDING")}
          actions={{ accept: acceptProposalAction, decline: declineProposalAction }}
        />
        <AgendaBuilder
          locale={locale}
          initial={{ agenda, suggestions }}
          actions={{ start: startAgendaAction, add: addAgendaItemAction, update: updateAgendaItemAction, remove: removeAgendaItemAction, reorder: reorderAgendaAction, publish: publishAgendaAction }}
          departments={departments.map((department) => ({ id: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))}
        />
      </QueryProvider>
    </>
  );
}
