import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import type { S3StoreConfig } from "@/lib/documents/s3-store";

/**
 * A real S3-compatible server over HTTP (s3rver, a devDependency), started by the test itself on a free loopback
 * port with its files in a temporary folder: CI needs nothing else. Its credentials are s3rver's fixed ones.
 */
export async function startS3Server(bucket = "iwgtip-documents") {
  const directory = mkdtempSync(path.join(tmpdir(), "iwgtip-s3-"));
  const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;
  const config: S3StoreConfig = {
    bucket,
    region: "us-east-1",
    endpoint,
    forcePathStyle: true,
    prefix: "documents/",
    accessKeyId: "S3RVER",
    secretAccessKey: "S3RVER",
  };
  const env = {
    DOCUMENT_STORE: "s3",
    DOCUMENT_S3_BUCKET: bucket,
    DOCUMENT_S3_REGION: config.region,
    DOCUMENT_S3_ENDPOINT: endpoint,
    DOCUMENT_S3_FORCE_PATH_STYLE: "true",
    DOCUMENT_S3_ACCESS_KEY_ID: "S3RVER",
    DOCUMENT_S3_SECRET_ACCESS_KEY: "S3RVER",
  };
  /** Every file s3rver keeps on disk for the bucket's objects (its own layout: `<key>._S3rver_object` and metadata). */
  const objectFiles = () => {
    const root = path.join(directory, bucket);
    const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? walk(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
    return walk(root).filter((file) => file.endsWith("._S3rver_object")).map((file) => path.relative(root, file));
  };
  return {
    config,
    env,
    objectFiles,
    async stop() {
      await server.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Sets the environment variables for the duration of `work`, then puts back what was there. */
export async function withEnv<T>(values: Record<string, string>, work: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await work();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}
