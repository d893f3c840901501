/** What other domains may use of meetings besides their queries and commands: the calendar invitation (.ics). */
export { meetingToIcs, meetingUid, type IcsMeeting } from "./ics";
