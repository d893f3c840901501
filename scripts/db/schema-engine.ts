/**
 * Prisma's schema engine (the part behind `prisma migrate`) compiled to WebAssembly. The Prisma CLI would download a
 * native engine on first use; that host is unreachable here, so migrations are applied and generated through this
 * copy instead, talking to PostgreSQL through the `pg` driver adapter. Same SQL, same `_prisma_migrations` table:
 * `prisma migrate deploy` stays interchangeable with it wherever the native engine can be had.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlDriverAdapter,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import pg from "pg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

export type { SchemaEngine };
export type SchemaEngineBindings = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

let bindings: Promise<SchemaEngineBindings> | undefined;

/**
 * Loads the engine's WebAssembly once per process. The package's own entry point imports the `.wasm` file as a
 * module, which Node 20 refuses (ERR_UNKNOWN_FILE_EXTENSION); so instantiate it here and hand it to the JS glue.
 */
export function loadSchemaEngineBindings(): Promise<SchemaEngineBindings> {
  bindings ??= (async () => {
    const glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const requireFromHere = createRequire(__filename);
    const wasmPath = path.join(
      path.dirname(requireFromHere.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    // The glue module is the wasm's only import namespace, under the name the bundler-style entry point uses.
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": withUnrefTimers(glue),
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return bindings;
}

/**
 * The engine arms 10-second timers (connection housekeeping) that outlive a migration and would keep a script alive
 * for 10 s after its work is done. Unref them: they are never a reason for the process to stay up.
 */
function withUnrefTimers(glue: SchemaEngineBindings): WebAssembly.ModuleImports {
  const imports: WebAssembly.ModuleImports = { ...(glue as unknown as WebAssembly.ModuleImports) };
  for (const [name, value] of Object.entries(glue)) {
    if (name.startsWith("__wbg_setTimeout_") && typeof value === "function") {
      imports[name] = (...args: unknown[]) => {
        const timer = (value as (...inner: unknown[]) => unknown)(...args);
        (timer as { unref?: () => void } | undefined)?.unref?.();
        return timer;
      };
    }
  }
  return imports;
}

export interface OpenSchemaEngineOptions {
  /** The database the engine reads and migrates. A diff between two schema files never connects to it. */
  databaseUrl: string;
  /** Prisma schema files the engine starts with, as [path, content]. */
  schemaFiles?: [string, string][];
  /** Receives the engine's log lines (JSON); silent by default. */
  onLog?: (line: string) => void;
}

export interface OpenSchemaEngine {
  engine: SchemaEngine;
  /** Frees the engine and closes its connections. */
  close(): Promise<void>;
}

/** Opens a schema engine; the caller must `close()` it when done. */
export async function openSchemaEngine({ databaseUrl, schemaFiles, onLog }: OpenSchemaEngineOptions): Promise<OpenSchemaEngine> {
  const { SchemaEngine } = await loadSchemaEngineBindings();
  // Our own pool, so that closing is ours to do: freeing the engine leaves the adapter's connections open, and the
  // engine holds Prisma's migration advisory lock on one of them until that connection closes.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2, connectionTimeoutMillis: 10_000 });
  pool.on("error", () => {}); // an idle connection dropped by the server must not crash the process
  const adapterFactory = bindMigrationAwareSqlAdapterFactory(new WholeScriptPrismaPg(new PrismaPg(pool)));
  let engine: SchemaEngine;
  try {
    engine = await SchemaEngine.new({ datamodels: schemaFiles }, (line: string) => onLog?.(line), adapterFactory);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    engine,
    close: async () => {
      engine.free();
      await pool.end();
    },
  };
}

/**
 * The pg adapter runs a migration script by splitting it on every ";" and sending the pieces one by one through the
 * pool. That breaks on a ";" inside a comment, a string or a function body ($$ … $$), and a failure half-way leaves
 * a half-applied migration. This wrapper sends the whole script as one simple query instead, as the native engine
 * does: PostgreSQL parses it properly and runs it as a single implicit transaction (all or nothing).
 */
class WholeScriptPrismaPg implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider: PrismaPg["provider"];
  readonly adapterName: string;

  constructor(private readonly inner: PrismaPg) {
    this.provider = inner.provider;
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await this.inner.connect());
  }

  async connectToShadowDb(): Promise<SqlDriverAdapter> {
    return runScriptsWhole(await this.inner.connectToShadowDb());
  }
}

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;

function runScriptsWhole(adapter: PgAdapter): PgAdapter {
  const pool: pg.Pool = adapter.underlyingDriver();
  // The adapter's own (protected) error conversion, so the engine reports PostgreSQL's message and code.
  const reportError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
  adapter.executeScript = async (script: string) => {
    try {
      await pool.query(script);
    } catch (error) {
      reportError(error);
    }
  };
  return adapter;
}
