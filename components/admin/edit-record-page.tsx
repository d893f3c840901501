import { CommandForm, type FieldSpec } from "@/components/forms/command-form";
import type { Crumb } from "@/components/shell/breadcrumbs";
import { SavedNotice } from "@/components/ui/status-notice";
import { AdminPageHeader } from "./admin-page-header";

type Action = React.ComponentProps<typeof CommandForm>["action"];

/** The hidden fields every edit of a versioned record sends back: which record, and the version the form shows. */
export function recordIdentityFields(record: { id: string; version: number }): FieldSpec[] {
  return [
    { name: "id", label: "", type: "hidden", defaultValue: record.id },
    { name: "version", label: "", type: "hidden", defaultValue: String(record.version) },
  ];
}

/**
 * The edit page of one piece of reference data (a department, a pillar): header with breadcrumbs back to its list,
 * "saved" after a save, and the form, which carries the record's id and version.
 */
export function EditRecordPage({
  title,
  section,
  crumb,
  intro,
  saved,
  record,
  form,
}: {
  title: string;
  section: Crumb;
  crumb: string;
  intro?: React.ReactNode;
  saved: unknown;
  record: { id: string; version: number };
  form: { action: Action; testId: string; submitLabel: string; fields: FieldSpec[] };
}) {
  return (
    <>
      <AdminPageHeader title={title} section={section} crumb={crumb}>
        {intro}
      </AdminPageHeader>
      <SavedNotice show={saved} />
      <CommandForm action={form.action} testId={form.testId} submitLabel={form.submitLabel} fields={[...recordIdentityFields(record), ...form.fields]} />
    </>
  );
}
