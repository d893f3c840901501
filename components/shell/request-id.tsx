"use client";

import { createContext, useContext } from "react";

const RequestIdContext = createContext<string | null>(null);

/** Makes the page request's id available to error boundaries, which show it as a reference. */
export function RequestIdProvider({ requestId, children }: { requestId: string | null; children: React.ReactNode }) {
  return <RequestIdContext.Provider value={requestId}>{children}</RequestIdContext.Provider>;
}

export function useRequestId(): string | null {
  return useContext(RequestIdContext);
}
