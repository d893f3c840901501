// Not "server-only", and no import of the database: scripts/production-checks.ts reads it before the server starts.

/*
 * The document store's settings from the environment (.env.example, README "Document storage"): which store new
 * uploads go to, and the S3-compatible store's bucket, endpoint and key.
 */

/** Which store new uploads go to: DOCUMENT_STORE, "postgres" (the default) or "s3". */
export function configuredStoreName(environment: Record<string, string | undefined> = process.env): "postgres" | "s3" {
  const name = (environment.DOCUMENT_STORE ?? "").trim().toLowerCase() || "postgres";
  if (name !== "postgres" && name !== "s3") throw new Error(`DOCUMENT_STORE must be "postgres" or "s3", not "${name}".`);
  return name;
}

export type S3StoreConfig = {
  bucket: string;
  region: string;
  endpoint?: string;
  forcePathStyle: boolean;
  prefix: string;
  accessKeyId?: string;
  secretAccessKey?: string;
};

/** The store's settings from the environment (.env.example, README "Document storage"), or an error naming what is missing. */
export function s3ConfigFromEnv(environment: Record<string, string | undefined> = process.env): S3StoreConfig {
  const bucket = environment.DOCUMENT_S3_BUCKET?.trim();
  if (!bucket) throw new Error("DOCUMENT_STORE=s3 needs DOCUMENT_S3_BUCKET (README, Document storage).");
  const accessKeyId = environment.DOCUMENT_S3_ACCESS_KEY_ID?.trim() || undefined;
  const secretAccessKey = environment.DOCUMENT_S3_SECRET_ACCESS_KEY?.trim() || undefined;
  if (Boolean(accessKeyId) !== Boolean(secretAccessKey)) throw new Error("Set both DOCUMENT_S3_ACCESS_KEY_ID and DOCUMENT_S3_SECRET_ACCESS_KEY, or neither.");
  return {
    bucket,
    region: environment.DOCUMENT_S3_REGION?.trim() || "ca-central-1",
    endpoint: environment.DOCUMENT_S3_ENDPOINT?.trim() || undefined,
    forcePathStyle: /^(1|true|yes)$/i.test(environment.DOCUMENT_S3_FORCE_PATH_STYLE?.trim() ?? ""),
    prefix: environment.DOCUMENT_S3_PREFIX ?? "documents/",
    accessKeyId,
    secretAccessKey,
  };
}


/** What is wrong with the document store's settings (for the production start's checks), or nothing. */
export function documentStoreProblems(environment: Record<string, string | undefined>): string[] {
  try {
    if (configuredStoreName(environment) === "s3") s3ConfigFromEnv(environment);
    return [];
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
