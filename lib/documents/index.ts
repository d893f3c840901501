/** What other domains may use of documents besides their queries and commands: the worker's text extraction and sweep of unreferenced files. */
export { extractPendingTexts } from "./text-job";
export { sweepDocumentBlobs } from "./storage";
