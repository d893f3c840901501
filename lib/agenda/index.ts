/**
 * What other domains may use of the agenda besides its queries and commands: which items count as on the agenda
 * (removed ones are kept, never deleted) and the computed timing of items.
 */
export { onAgenda } from "./on-agenda";
export { moveItem, scheduleAgenda, type ScheduledItem } from "./timing";
