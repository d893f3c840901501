/*
 * What other domains use of the results framework beyond its queries and commands (exports, search): the one
 * status rule and the one way figures and targets read.
 */
export { achieveByText, formatFigure, resultsTranslator, targetText } from "./format";
export { resultStatuses, type ResultStatus } from "./status";
