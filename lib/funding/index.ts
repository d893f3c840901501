/** What other domains may use of funding besides its queries: money as typed in a form, in integer cents. */
export { centsToInput, MAX_CENTS, parseMoneyToCents, type MoneyParse } from "./money";
