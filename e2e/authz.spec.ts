import { sql } from "./db";
import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";

const notFound = { en: "We couldn't find that page", fr: "Nous ne trouvons pas cette page" } as const;

/** The RCMP's id, from the seeded data (the one an administrator's "Edit RCMP" link carries). */
async function rcmpDepartmentId(): Promise<string> {
  const [row] = await sql<{ id: string }>("SELECT id FROM departments WHERE acronym_en = 'RCMP'");
  return row!.id;
}

for (const locale of ["en", "fr"] as Locale[]) {
  test(`a representative gets the not-found page for administration screens and another department's edit page (${locale})`, async ({ pageAs }) => {
    const rcmpId = await rcmpDepartmentId();
    const page = await pageAs("repJus");
    for (const path of ["/admin", "/admin/users", `/admin/departments/${rcmpId}`, "/admin/audit"]) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(notFound[locale]);
    }
    await expectNoAxeViolations(page);
    // No way there from the navigation either.
    await expect(page.getByRole("navigation", { name: locale === "fr" ? "Navigation principale" : "Main navigation" }).getByRole("link", { name: /Administration/ })).toHaveCount(0);
    const csv = await page.request.get("/api/admin/audit/export");
    expect(csv.status()).toBe(404);
  });
}

test("a forged server-action call with another department's id is refused and changes nothing", async ({ pageAs }) => {
  // An administrator's (invalid, so harmless) save of the RCMP shows what the action call looks like.
  const admin = await pageAs("admin");
  const rcmpId = await rcmpDepartmentId();
  await admin.goto(`/en/admin/departments/${rcmpId}`);
  const originalName = await admin.getByLabel("Name (English)").inputValue();
  await admin.getByLabel("Name (English)").fill("");
  const [captured] = await Promise.all([
    admin.waitForRequest((request) => request.method() === "POST" && request.headers()["next-action"] !== undefined),
    admin.getByRole("button", { name: "Save the department" }).click(),
  ]);
  await expect(admin.getByTestId("edit-department").getByRole("alert")).toContainText("Nothing was saved");
  const actionId = captured.headers()["next-action"]!;
  const contentType = captured.headers()["content-type"]!;
  const forgedBody = captured.postData()!.replace(/(name="[^"]*_nameEn"\r\n\r\n)(\r\n)/, "$1Forged by another department$2");
  expect(forgedBody).toContain("Forged by another department");

  // The representative of JUS replays it, with the RCMP's id, from their own session.
  const page = await pageAs("repJus");
  const response = await page.request.post(`/en/admin/departments/${rcmpId}`, {
    headers: { "Next-Action": actionId, "Content-Type": contentType, Accept: "text/x-component" },
    data: forgedBody,
  });
  expect(await response.text()).toContain("You are not allowed to make this change. Nothing was saved.");

  await admin.goto(`/en/admin/departments/${rcmpId}`);
  await expect(admin.getByLabel("Name (English)")).toHaveValue(originalName);
  await admin.goto(`/en/admin/audit?entityType=department&action=department.update`);
  await expect(admin.getByTestId("audit-table")).not.toContainText(rcmpId);
});

// One test per screen (each scanned with axe), so that none walks through many screens on a busy machine.
for (const locale of ["en", "fr"] as Locale[]) {
  for (const path of ["", "/departments", "/departments/RCMP", "/dashboard", "/initiatives"]) {
    test(`an executive finds no way to change anything on ${path || "the home page"} (${locale})`, async ({ pageAs }) => {
      const page = await pageAs("executive");
      await page.goto(`/${locale}${path}`);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      // Filters and searches (GET forms) read; anything else that posts or acts would change something.
      const actionable = await page.locator("main").evaluate((main) =>
        [...main.querySelectorAll("form, button, [role=button]")]
          .filter((element) => !(element.closest("form")?.getAttribute("method")?.toLowerCase() === "get"))
          .map((element) => element.outerHTML.slice(0, 120)),
      );
      expect(actionable, `${path} offers something that changes data`).toEqual([]);
      await expectNoAxeViolations(page);
    });
  }

  test(`an executive gets the not-found page for administration screens (${locale})`, async ({ pageAs }) => {
    const page = await pageAs("executive");
    for (const path of ["/admin", "/admin/pillars", "/admin/users/new"]) {
      const response = await page.goto(`/${locale}${path}`);
      expect(response?.status(), path).toBe(404);
    }
  });
}
