import { expect, expectNoAxeViolations, test, type Locale } from "./fixtures";

/**
 * Addresses whose percent-encoding cannot be decoded (a cut-off UTF-8 sequence, a lone `%`) used to get a bare
 * "Internal Server Error" from Next. They get the portal's own page instead: status 400, in the address's language,
 * with the request id, signed in or not (proxy.ts, lib/http/malformed-path.ts).
 */
const text = {
  en: { title: "This address is not valid", reference: "Reference:", home: "Go to the portal home page" },
  fr: { title: "Cette adresse n'est pas valide", reference: "Référence :", home: "Aller à la page d'accueil du portail" },
} as const;

for (const locale of ["en", "fr"] as Locale[]) {
  const t = text[locale];

  test(`a signed-in user who opens an address with broken encoding gets the bad-address page with the request id, in ${locale}`, async ({ pageAs }) => {
    const page = await pageAs("repJus");
    const response = await page.goto(`/${locale}/initiatives/%E0%A4%A`);
    expect(response?.status()).toBe(400);
    const requestId = response?.headers()["x-request-id"];
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByTestId("request-reference")).toHaveText(`${t.reference} ${requestId}`);
    await expect(page.getByRole("link", { name: t.home })).toBeVisible();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
    await expectNoAxeViolations(page);
  });

  test(`a signed-out visitor gets the same page, not a sign-in redirect, in ${locale}`, async ({ page }) => {
    const response = await page.goto(`/${locale}/meetings/%C3`);
    expect(response?.status()).toBe(400);
    expect(page.url()).toContain(`/${locale}/meetings/%C3`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(t.title);
    await expect(page.getByTestId("request-reference")).toContainText(response!.headers()["x-request-id"]!);
    await expectNoAxeViolations(page);
  });
}

test("an address with broken encoding outside a language gets the English page, and a route handler a JSON 400", async ({ request }) => {
  const page = await request.get("/initiatives/%E0%A4%A");
  expect(page.status()).toBe(400);
  expect(await page.text()).toContain("<h1>This address is not valid</h1>");

  const lonePercent = await request.get("/fr/meetings/100%");
  expect(lonePercent.status()).toBe(400);
  expect(await lonePercent.text()).toMatch(/<h1>Cette adresse n(&#x27;|')est pas valide<\/h1>/);

  const api = await request.get("/api/meetings/%E0%A4%A/pdf");
  expect(api.status()).toBe(400);
  expect(await api.json()).toEqual({ error: "bad_request", requestId: api.headers()["x-request-id"] });
});

test("the bad-address page does not exist when opened directly", async ({ pageAs }) => {
  const page = await pageAs("repJus");
  const response = await page.goto("/en/bad-address");
  expect(response?.status()).toBe(404);
});
