/**
 * Node flags of the production server (`npm start`, and the benchmark, which must measure what runs). Under load, V8
 * lets the heap grow far beyond what the portal keeps alive (rendered pages are garbage as soon as they are sent):
 * measured with `npm run bench`, `next start` reached 560–700 MB resident with the defaults. A smaller young
 * generation (4 MB semi-spaces instead of 16–32) collects short-lived render garbage sooner, and an old-space limit
 * of 256 MB makes full collections happen before the heap balloons; the portal's live data is far below that. Raise
 * it (e.g. NODE_OPTIONS=--max-old-space-size=512) if a page with very large answers ever runs out of heap.
 */
export const serverNodeFlags = ["--max-old-space-size=256", "--max-semi-space-size=4"];
