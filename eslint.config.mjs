import { readdirSync } from "node:fs";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const reExportMessage = "Never re-export the database client or the Prisma client: pages would reach them through lib/.";
const rawSqlMessage = "No SQL built from strings: use a tagged template ($queryRaw`... ${value}`) so that every value is a bound parameter.";

/*
 * Boundaries (issue 16). Layers, from the bottom: lib/generated (Prisma) and lib/db; the foundations every domain
 * uses (lib/kernel: command definition, refusals, schema helpers, transaction type, action wrapper, idempotency,
 * Toronto time; lib/auth, lib/authz, lib/audit, lib/format, lib/i18n, lib/security, lib/calendar, lib/errors,
 * lib/mail, lib/env, lib/exports: the CSV, Excel and Word writers); the domains (every other folder of lib/); components/; app/. A layer imports only below it,
 * and a domain reaches another domain only through its PUBLIC modules: index.ts, queries.ts, commands.ts,
 * schemas.ts. tests/unit/boundaries.test.ts proves that each rule fails the lint when broken.
 */
const foundations = ["kernel", "exports", "auth", "authz", "audit", "format", "i18n", "security", "calendar", "errors", "mail", "generated", "navigation", "commands"];
const domains = readdirSync(new URL("./lib", import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && !foundations.includes(entry.name))
  .map((entry) => entry.name);
const publicModules = ["index", "queries", "commands", "schemas"];

const noDatabaseClient = [
  { group: ["@/lib/db", "**/lib/db"], message: "Read through lib/<domain>/queries.ts; pages and components never import the database client." },
  { group: ["@/lib/generated/*", "**/lib/generated/*"], message: "The Prisma client stays inside lib/." },
];
const noRoutes = { group: ["@/app/*", "**/app/*"], message: "Routes import components and lib/, never the reverse: pass server actions to components as props." };
const noComponents = { group: ["@/components/*", "**/components/*"], message: "The domain (lib/) never imports React components." };

/** For files of lib/<domain>/: another domain only through its public modules. */
const domainBoundary = (domain) => ({
  group: ["@/lib/*/*", `!@/lib/${domain}/*`, ...foundations.map((name) => `!@/lib/${name}/*`), ...domains.flatMap((name) => publicModules.map((module) => `!@/lib/${name}/${module}`))],
  message: `A domain reaches another only through its public modules (${publicModules.map((module) => `${module}.ts`).join(", ")}); export what others need from the domain's index.ts.`,
});

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "bench/results/**"],
  },
  {
    // Pages read through lib/<domain>/queries, never the database client.
    files: ["app/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: noDatabaseClient }] },
  },
  {
    // Components: no database client, and nothing from the routes (server actions come in as props).
    files: ["components/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [...noDatabaseClient, noRoutes] }] },
  },
  {
    // The foundations of lib/: never components or routes.
    files: ["lib/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [noRoutes, noComponents] }] },
  },
  ...domains.map((domain) => ({
    // A domain: never components or routes, and other domains only through their public modules.
    files: [`lib/${domain}/**/*.{ts,tsx}`],
    rules: { "no-restricted-imports": ["error", { patterns: [noRoutes, noComponents, domainBoundary(domain)] }] },
  })),
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      // No SQL built from strings, anywhere: Prisma's tagged templates bind every value as a parameter.
      "no-restricted-properties": [
        "error",
        ...["$queryRawUnsafe", "$executeRawUnsafe"].map((property) => ({ property, message: rawSqlMessage })),
        { object: "Prisma", property: "raw", message: rawSqlMessage },
      ],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^\\$(queryRaw|executeRaw)$/]", message: "Call $queryRaw/$executeRaw as a tagged template (db.$queryRaw`...`), never with a string." },
      ],
    },
  },
  {
    // The app's own code never hands pg a query built from a template or a concatenation either.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"],
    rules: {
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.property.name=/^\\$(queryRaw|executeRaw)$/]", message: "Call $queryRaw/$executeRaw as a tagged template (db.$queryRaw`...`), never with a string." },
        { selector: "CallExpression[callee.property.name='query'] > TemplateLiteral.arguments:first-child[expressions.length>0]", message: rawSqlMessage },
        { selector: "CallExpression[callee.property.name='query'] > BinaryExpression.arguments:first-child[operator='+']", message: rawSqlMessage },
        // Pages never reach the database client, not even through a module of lib/ that hands it on.
        { selector: "ExportAllDeclaration[source.value=/(^@\\/lib\\/db$|lib\\/generated\\/prisma\\/client$)/]", message: reExportMessage },
        { selector: "ExportSpecifier[local.name='db'], ExportSpecifier[exported.name='db']", message: reExportMessage },
      ],
    },
  },
];

export default config;
