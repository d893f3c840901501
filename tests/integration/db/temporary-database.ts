/**
 * Each test file of this folder works in a database of its own, created on the server of DATABASE_URL (the test
 * runner's PostgreSQL) and dropped afterwards, so that it may create rows, violate constraints and count freely
 * without touching the shared database other integration tests assert on. The role needs CREATEDB (the embedded
 * server's superuser has it).
 */
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate } from "../../../scripts/db/migrate";

export interface TemporaryDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export function serverUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Integration tests need DATABASE_URL (npm test sets it to the embedded PostgreSQL).");
  return url;
}

/** Creates an empty database, migrated unless `migrated: false`. */
export async function createTemporaryDatabase(options: { migrated?: boolean } = {}): Promise<TemporaryDatabase> {
  const name = `iwgtip_it_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  const url = new URL(serverUrl());
  url.pathname = `/${name}`;
  if (options.migrated !== false) await migrate(url.toString(), { quiet: true });
  return {
    url: url.toString(),
    name,
    drop: () =>
      onServer((client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`)).then(() => {}),
  };
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const url = new URL(serverUrl());
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Runs `work` with a plain pg client on `url`. */
export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  client.on("error", () => {});
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
