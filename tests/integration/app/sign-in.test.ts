import { describe, expect, it } from "vitest";
import { authorizeCredentials } from "@/lib/auth/options";
import { db } from "@/lib/db";

const password = "iwgtip-demo-2007";

describe("signing in with e-mail and password", () => {
  it("accepts a demo account, whatever the case of its e-mail", async () => {
    const user = await authorizeCredentials({ email: "Rep.JUS@iwgtip.example", password });
    expect(user).toMatchObject({ email: "rep.jus@iwgtip.example", role: "DEPARTMENT_REP", language: "en" });
    expect(user?.departmentId).toBeTruthy();
  });

  it("refuses a wrong password, an unknown account and malformed input alike", async () => {
    expect(await authorizeCredentials({ email: "rep.jus@iwgtip.example", password: "wrong" })).toBeNull();
    expect(await authorizeCredentials({ email: "nobody@iwgtip.example", password })).toBeNull();
    expect(await authorizeCredentials({ email: "", password: "" })).toBeNull();
    expect(await authorizeCredentials({ email: ["x"], password: { $ne: 1 } })).toBeNull();
    expect(await authorizeCredentials(null)).toBeNull();
  });

  it("refuses a deactivated account", async () => {
    await db.user.update({ where: { email: "rep.swc@iwgtip.example" }, data: { active: false } });
    try {
      expect(await authorizeCredentials({ email: "rep.swc@iwgtip.example", password })).toBeNull();
    } finally {
      await db.user.update({ where: { email: "rep.swc@iwgtip.example" }, data: { active: true } });
    }
  });

  it("stores demo passwords as argon2id hashes", async () => {
    const user = await db.user.findUniqueOrThrow({ where: { email: "admin@iwgtip.example" }, select: { passwordHash: true } });
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
  });
});
