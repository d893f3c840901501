import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

/** The lint rules of eslint.config.mjs that keep SQL from being built from strings are in force (issue 8). */
describe("no SQL built from strings", () => {
  const eslint = new ESLint();
  const rulesFired = async (code: string) => {
    const [result] = await eslint.lintText(code, { filePath: "lib/probe.ts" });
    return result!.messages.filter((message) => message.ruleId === "no-restricted-properties" || message.ruleId === "no-restricted-syntax").map((message) => message.line);
  };

  it("refuses the Unsafe variants, Prisma.raw, and pg queries built from templates or concatenation", async () => {
    const code = [
      "declare const db: any, Prisma: any, client: any, name: string;",
      "db.$queryRawUnsafe(`SELECT * FROM users WHERE email = '${name}'`);",
      'db.$executeRawUnsafe("DELETE FROM users");',
      'db.$queryRaw(Prisma.raw("SELECT 1"));',
      "client.query(`SELECT ${name}`);",
      'client.query("SELECT " + name);',
    ].join("\n");
    expect(await rulesFired(code)).toEqual([2, 3, 4, 4, 5, 6]);
  }, 60_000);

  it("accepts tagged templates and bound parameters", async () => {
    const code = ["declare const db: any, client: any, name: string;", "db.$queryRaw`SELECT ${name}`;", 'client.query("SELECT $1", [name]);'].join("\n");
    expect(await rulesFired(code)).toEqual([]);
  }, 60_000);
});
