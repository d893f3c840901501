import type { Locale } from "@/lib/i18n/routing";
import { gcMarks, type GcMark } from "./gc-marks.generated";

/**
 * The Federal Identity Program's marks, drawn from the GC Design System's own SVG paths (gc-marks.generated.ts):
 * the signature (flag symbol and "Government of Canada / Gouvernement du Canada") heads every page, the Canada
 * wordmark closes it. Inline rather than <img> so that the flag takes the FIP red from the design-system token
 * and both turn to the system colours in forced-colours mode (globals.css, .gc-mark).
 */
function MarkSvg({ mark, title, titleId, className, testId }: { mark: GcMark; title: string; titleId: string; className: string; testId?: string }) {
  const paths = mark.paths.map((path, index) => (
    <path key={index} d={path.d} transform={path.transform ?? undefined} className={path.kind === "flag" ? "gc-mark-flag" : "gc-mark-text"} />
  ));
  return (
    <svg
      xmlns="http://www.w3.org/2000/svg"
      viewBox={mark.viewBox}
      preserveAspectRatio="xMinYMin meet"
      role="img"
      aria-labelledby={titleId}
      focusable="false"
      className={`gc-mark ${className}`}
      data-testid={testId}
    >
      <title id={titleId}>{title}</title>
      {mark.groupTransform ? <g transform={mark.groupTransform}>{paths}</g> : paths}
    </svg>
  );
}

/**
 * The signature in the page's language first: the English signature on /en pages, the French one on /fr pages. Its
 * text alternative names the Government in the page's language; the other language's name follows for screen
 * readers, marked with its own language, as the GC Design System's signature does.
 */
export function GcSignature({ locale, names }: { locale: Locale; names: { en: string; fr: string } }) {
  const other: Locale = locale === "en" ? "fr" : "en";
  return (
    <div className="flex items-center">
      <MarkSvg
        mark={locale === "en" ? gcMarks.signatureEn : gcMarks.signatureFr}
        title={names[locale]}
        titleId="gc-signature-title"
        className="h-[1.22rem] w-auto lg:h-[2.09rem]"
        testId="gc-signature"
      />
      <span className="sr-only" lang={other}>
        {" "}
        / {names[other]}
      </span>
    </div>
  );
}

/** The Canada wordmark, with its text alternative in the page's language. */
export function CanadaWordmark({ locale, title }: { locale: Locale; title: string }) {
  return (
    <MarkSvg
      mark={locale === "en" ? gcMarks.wordmarkEn : gcMarks.wordmarkFr}
      title={title}
      titleId="canada-wordmark-title"
      className="h-10 w-auto lg:h-12"
      testId="canada-wordmark"
    />
  );
}
