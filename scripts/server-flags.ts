/**
 * Node flags of the production server (`npm start`, and the benchmark, which must measure what runs). Under load, V8
 * lets the young generation and then the heap grow well beyond what the portal keeps alive (a rendered page is
 * garbage once sent): with the defaults, `next start` reached 560–700 MB resident in `npm run bench`. 4 MB
 * semi-spaces (instead of up to 32) collect short-lived render garbage sooner. The old-space limit is a safety net,
 * not a squeeze: at 256 MB a large answer (the agenda builder with 80,000 initiatives, before its choices were
 * bounded) ran out of heap and took the server down, so it stays at 512 MB; raise it with NODE_OPTIONS if needed.
 */
export const serverNodeFlags = ["--max-old-space-size=512", "--max-semi-space-size=4"];
