/**
 * Node flags of the production server (`npm start`, and the benchmark, which must measure what runs). Under load, V8
 * lets the young generation and then the heap grow well beyond what the portal keeps alive (a rendered page is
 * garbage once sent): with the defaults, `next start` reached 560–700 MB resident in `npm run bench`. 4 MB
 * semi-spaces (instead of up to 32) collect short-lived render garbage sooner. The old-space limit is a safety net,
 * not a squeeze: at 256 MB a large answer (the agenda builder with 80,000 initiatives, before its choices were
 * bounded) ran out of heap and took the server down, so it stays at 512 MB; raise it with NODE_OPTIONS if needed.
 */
export const serverNodeFlags = ["--max-old-space-size=512", "--max-semi-space-size=4"];

/**
 * Environment of the production server. What grows beyond the V8 heap under load is native memory: lowering the
 * old-space limit to 256 MB left the peak resident memory at 16 × 500 unchanged (444 MB), while glibc's malloc,
 * which gives each thread that allocates (libuv's pool, V8's platform threads) an arena of its own, keeps freed
 * memory in every arena. One arena holds the same work in less resident memory: over the benchmark's routes at
 * 16 × 500, 414 MB with two arenas and 376 MB with one, at the same CPU time per request (the server's work is on
 * one thread; the others allocate little). An operator's own MALLOC_ARENA_MAX wins.
 */
export const serverEnvironment: Record<string, string> = { MALLOC_ARENA_MAX: process.env.MALLOC_ARENA_MAX ?? "1" };
