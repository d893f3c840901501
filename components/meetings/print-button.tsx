"use client";

export function PrintButton({ label }: { label: string }) {
  return (
    <button type="button" className="gc-button" onClick={() => window.print()}>
      {label}
    </button>
  );
}
