"use client";

import { createContext, useContext } from "react";

/** The error boundary's words, from the server: pages then need not ship the message formatter for them. */
export type ErrorText = {
  title: string;
  body: string;
  /** For a page that failed because the database could not be reached. */
  unavailableTitle: string;
  unavailableBody: string;
  tryAgain: string;
  /** Contains "{digest}" where the reference goes. */
  reference: string;
};

const RequestContext = createContext<{ requestId: string | null; errorText: ErrorText | null }>({ requestId: null, errorText: null });

/** Makes the page request's id, and the words to show with it, available to error boundaries. */
export function RequestIdProvider({ requestId, errorText, children }: { requestId: string | null; errorText: ErrorText; children: React.ReactNode }) {
  return <RequestContext.Provider value={{ requestId, errorText }}>{children}</RequestContext.Provider>;
}

export function useRequestId(): string | null {
  return useContext(RequestContext).requestId;
}

export function useErrorText(): ErrorText | null {
  return useContext(RequestContext).errorText;
}
