/** What other domains may use of meetings besides their queries and commands: the calendar invitation (.ics). */
export { meetingToIcs, meetingsFeed, meetingUid, type IcsMeeting } from "./ics";
/** The agenda package, its labels and the PDF's label shape, for the Word and PDF writers of lib/exports. */
export { getAgendaPackage, type AgendaPackage } from "./package";
export { packageLabels } from "./package-labels";
export type { PackageLabels } from "./pdf";
/** The agenda package PDF itself, for the board book of lib/documents (issue 20). */
export { renderAgendaPackagePdf } from "./pdf";
