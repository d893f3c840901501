import "server-only";
import { createHash } from "node:crypto";
import type { SessionUser } from "@/lib/auth/types";
import { db } from "@/lib/db";

/**
 * Issue 23: render (or read) once per version of the data. A cache here is keyed by a version read from PostgreSQL
 * (`data_versions`, bumped by statement-level triggers in the writing transaction, migration `data_versions`), so
 * a write on any instance changes the key every instance computes on its next request: nothing is invalidated, an
 * old entry is simply never asked for again and falls out of the LRU. The version is read before the data it
 * guards: a write committed between the two reads leaves fresher data under the older key (a miss later), never
 * older data under the newer key.
 */

/** The groups of tables with a version of their own (rows of `data_versions`, made by the migrations). */
export type DataGroup = "portfolio";

/** The current version of a group of tables: one statement. */
export async function readDataVersion(group: DataGroup): Promise<string> {
  const row = await db.dataVersion.findUnique({ where: { name: group }, select: { version: true } });
  // A database without the row (not migrated) has no version: a key no other request shares, so nothing is reused.
  return row ? row.version.toString() : `none-${crypto.randomUUID()}`;
}

/**
 * Whose view a cached part may be shared across: people of the same role and department. The parts cached are
 * those every user with the page's permission sees identically; the class is a second, conservative partition, so
 * that a part that came to depend on the role or the department could still never reach someone else.
 */
export function viewerClass(user: Pick<SessionUser, "role" | "departmentId">): string {
  return `${user.role}:${user.departmentId ?? "-"}`;
}

type Entry<V> = { value: V; bytes: number };

/**
 * A least-recently-used map bounded both by entries and by an estimate of the bytes it holds (a string's length
 * × 2, as V8 may keep it in two-byte form). Counted in the server's resident memory like everything else.
 */
export class BoundedLru<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private held = 0;
  hits = 0;
  misses = 0;

  constructor(
    readonly maxEntries: number,
    readonly maxBytes: number,
  ) {}

  get(key: string): V | undefined {
    const entry = this.entries.get(key);
    if (!entry) {
      this.misses++;
      return undefined;
    }
    this.hits++;
    // Most recently used last.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry.value;
  }

  set(key: string, value: V, bytes: number): void {
    if (bytes > this.maxBytes) return;
    const old = this.entries.get(key);
    if (old) {
      this.held -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, { value, bytes });
    this.held += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.entries.size <= this.maxEntries && this.held <= this.maxBytes) break;
      this.entries.delete(oldest);
      this.held -= entry.bytes;
    }
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.held;
  }

  clear(): void {
    this.entries.clear();
    this.held = 0;
  }
}

/**
 * A key made of the data itself (SHA-256 of its JSON), for a part whose data is read afresh on every request anyway
 * (a discussion: one cheap statement) and whose drawing is what costs: the key changes exactly when the data does,
 * on every instance, with no version to keep.
 */
export function contentKey(value: unknown): string {
  return createHash("sha256")
    .update(JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)))
    .digest("base64url");
}

/** An estimate of the memory a plain value holds (its JSON, two bytes a character). */
export function estimateBytes(value: unknown): number {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item)).length * 2;
}

const globalCaches = globalThis as unknown as { portalCaches?: Map<string, BoundedLru<unknown>> };

/**
 * One cache of a name per process, kept on globalThis: Next's route bundles each load their own copy of this
 * module, and a cache per bundle would multiply the memory bound.
 */
export function namedCache<V>(name: string, maxEntries: number, maxBytes: number): BoundedLru<V> {
  const caches = (globalCaches.portalCaches ??= new Map());
  let cache = caches.get(name);
  if (!cache) {
    cache = new BoundedLru<unknown>(maxEntries, maxBytes);
    caches.set(name, cache);
  }
  return cache as BoundedLru<V>;
}
