import { getTranslations } from "next-intl/server";
import { guardPage } from "@/lib/auth/page-guard";
import { actionItemFormOptions } from "@/lib/action-items/queries";
import { byLocale } from "@/lib/i18n/localized";
import { torontoToday } from "@/lib/kernel/time";
import { PageHeader } from "@/components/shell/page-header";
import { CreateActionItemForm } from "@/components/action-items/create-action-item-form";
import { createActionItemAction } from "../actions";

export default async function NewActionItemPage({ params, searchParams }: PageProps<"/[locale]/action-items/new">) {
  const { locale, user } = await guardPage(params, "actionItem.create");
  const query = await searchParams;
  const options = await actionItemFormOptions(user);
  const t = await getTranslations("ActionItems");
  const nav = await getTranslations("Nav");
  return (
    <>
      <PageHeader title={t("newTitle")} trail={[{ label: nav("actionItems"), href: "/action-items" }, { label: t("newTitle") }]} />
      <CreateActionItemForm
        action={createActionItemAction}
        today={torontoToday()}
        defaults={{
          meetingId: typeof query.meeting === "string" ? query.meeting : "",
          agendaItemId: typeof query.agendaItem === "string" ? query.agendaItem : "",
          ownerDepartmentId: user.departmentId ?? "",
        }}
        departments={options.departments.map((department) => ({ id: department.id, label: `${byLocale(locale, department.acronymEn, department.acronymFr)} — ${byLocale(locale, department.nameEn, department.nameFr)}` }))}
        people={options.people.map((person) => ({ id: person.id, label: person.displayName, departmentId: person.departmentId }))}
        initiatives={options.initiatives.map((initiative) => ({ id: initiative.id, label: `${initiative.code} — ${byLocale(locale, initiative.titleEn, initiative.titleFr)}` }))}
        meetings={options.meetings.map((meeting) => ({ id: meeting.id, label: `${meeting.sequenceNumber} — ${byLocale(locale, meeting.titleEn, meeting.titleFr)}` }))}
      />
    </>
  );
}
