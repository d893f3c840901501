/** What other domains may use of documents besides their queries and commands: the worker's text extraction. */
export { extractPendingTexts } from "./text-job";
