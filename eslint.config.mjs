import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

const rawSqlMessage = "No SQL built from strings: use a tagged template ($queryRaw`... ${value}`) so that every value is a bound parameter.";

const config = [
  ...nextVitals,
  ...nextTypescript,
  {
    ignores: [".next/**", "node_modules/**", "lib/generated/**", ".data/**", "next-env.d.ts", "playwright-report/**", "test-results/**", "bench/results/**"],
  },
  {
    // Pages and components read through lib/<domain>/queries, never the database client.
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["@/lib/db", "**/lib/db"], message: "Read through lib/<domain>/queries.ts; pages never import the database client." },
            { group: ["@/lib/generated/*", "**/lib/generated/*"], message: "The Prisma client stays inside lib/." },
          ],
        },
      ],
    },
  },
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
      ],
    },
  },
];

export default config;
