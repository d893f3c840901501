/** What other domains (the exports) may use of initiatives besides their queries and commands: the list's filters. */
export { parseInitiativeFilters } from "./filters";
