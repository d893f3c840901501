import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { agendaFormOptions, getAgendaBuilderData } from "@/lib/agenda/queries";
import { listAgendaSuggestions } from "@/lib/agenda/suggestions";
import { guardPage } from "@/lib/auth/page-guard";
import { byLocale } from "@/lib/i18n/localized";
import { getMeeting } from "@/lib/meetings/queries";
import { PageHeader } from "@/components/shell/page-header";
import { QueryProvider } from "@/components/providers/query-provider";
import { AgendaBuilder } from "@/components/agenda/agenda-builder";

export default async function AgendaBuilderPage({ params }: PageProps<"/[locale]/meetings/[id]/agenda">) {
  const { locale, user } = await guardPage(params, "meeting.manage");
  const { id } = await params;
  const [meeting, agenda] = await Promise.all([getMeeting(user, id), getAgendaBuilderData(user, id)]);
  if (!meeting || !agenda) notFound();
  const [suggestions, options] = await Promise.all([listAgendaSuggestions(user, id), agendaFormOptions()]);
  const t = await getTranslations("Agenda");
  const nav = await getTranslations("Nav");
  const title = byLocale(locale, meeting.titleEn, meeting.titleFr);
  return (
    <>
      <PageHeader title={t("builderTitle", { title })} trail={[{ label: nav("meetings"), href: "/meetings" }, { label: title, href: `/meetings/${id}` }, { label: t("builder") }]} />
      <QueryProvider>
        <AgendaBuilder
          locale={locale}
          initial={{ agenda, suggestions }}
          departments={options.departments.map((department) => ({ id: department.id, label: byLocale(locale, department.acronymEn, department.acronymFr) }))}
          initiatives={options.initiatives.map((initiative) => ({ id: initiative.id, label: `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}` }))}
          actionItems={options.actionItems.map((item) => ({ id: item.id, label: byLocale(locale, item.titleEn, item.titleFr) }))}
        />
      </QueryProvider>
    </>
  );
}
