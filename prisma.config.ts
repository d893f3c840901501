/**
 * Prisma CLI configuration. Migrations are normally applied by `npm run db:migrate` (scripts/db/migrate.ts, the
 * WebAssembly schema engine); this file keeps the plain CLI (`prisma migrate deploy`, `prisma studio`) working
 * where its native engine can be downloaded. `prisma generate` needs no database, so DATABASE_URL may be unset.
 */
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: {
    path: "prisma/migrations",
    seed: "tsx prisma/seed.ts",
  },
  ...(process.env.DATABASE_URL ? { datasource: { url: process.env.DATABASE_URL } } : {}),
});
