import { namedCache } from "@/lib/cache";
import { NotStaticError, renderStaticMarkup } from "./static-markup";

/** At most this many parts and about this much text (two bytes a character) in the process: the dashboard's blocks are about 100 kB a scope and language. */
const MAX_ENTRIES = 256;
const MAX_BYTES = 24 * 1024 * 1024;

const markup = () => namedCache<string>("markup", MAX_ENTRIES, MAX_BYTES);

/**
 * Issue 23: a part of a page drawn once per `cacheKey` and then sent as the HTML it made. The key must name all the
 * part shows: the version of its data (lib/cache `readDataVersion`, read before the data), the language, the
 * scope, the viewer's class (`viewerClass`) and, where dates are compared, the day. Only parts every user with the
 * page's permission sees identically are cached; nothing personal (a name, a button only some may press) goes in.
 * The part's elements come as children and are only drawn on a miss. The wrapper is `display: contents`, so the
 * layout and the accessibility tree are those of the part itself. A part holding what the string renderer does not
 * draw (a client component, a form) is rendered by React as usual, every time.
 */
export async function CachedMarkup({ cacheKey, children }: { cacheKey: string; children: React.ReactNode }) {
  const cache = markup();
  let html = cache.get(cacheKey);
  if (html === undefined) {
    try {
      html = await renderStaticMarkup(children);
    } catch (error) {
      if (!(error instanceof NotStaticError)) throw error;
      console.warn(JSON.stringify({ level: "warn", time: new Date().toISOString(), msg: "part not cacheable, rendered by React", reason: error.message }));
      return children;
    }
    cache.set(cacheKey, html, html.length * 2);
  }
  return <div className="contents" data-cached-part="" dangerouslySetInnerHTML={{ __html: html }} />;
}
