import { randomUUID } from "node:crypto";
import type { Page } from "@playwright/test";
import { demoAccounts, expect, expectNoAxeViolations, signIn, test } from "./fixtures";

/**
 * A form whose request gets no answer (the network dropped) keeps what was typed and says so, in the user's
 * language; submitting again is the same submission (same idempotency key), so a save that did reach the server is
 * not made twice.
 */

/** Makes the next server action fail in the browser: after the server has handled it (`reachServer`) or before. */
async function interruptNextServerAction(page: Page, { reachServer }: { reachServer: boolean }) {
  let interrupted = false;
  await page.route("**/*", async (route) => {
    if (interrupted || route.request().method() !== "POST" || !route.request().headers()["next-action"]) return route.continue();
    interrupted = true;
    if (reachServer) await route.fetch();
    await route.abort("connectionreset");
  });
}

async function fillNewAccount(page: Page, labels: { name: string; email: string; role: string }, email: string) {
  const form = page.getByTestId("create-user");
  await form.getByLabel(labels.name, { exact: true }).fill("Interrupted Person");
  await form.getByLabel(labels.email).fill(email);
  await form.getByLabel(labels.role).selectOption("EXECUTIVE");
  return form;
}

test("a save whose answer was lost keeps the form, and submitting again does not save twice", async ({ page }) => {
  const email = `e2e-interrupted-${randomUUID().slice(0, 8)}@test.example`;
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/en/admin/users/new");
  const form = await fillNewAccount(page, { name: "Name", email: "E-mail", role: "Role" }, email);
  const key = form.locator('input[name="idempotencyKey"]');
  await expect(key).toHaveValue(/^[0-9a-f-]{36}$/);
  const sentKey = await key.inputValue();

  await interruptNextServerAction(page, { reachServer: true });
  await form.getByRole("button", { name: "Create the account" }).click();

  await expect(form.getByText("The connection to the portal was interrupted, so your changes may not have been saved.")).toBeVisible();
  await expect(form.getByLabel("Name", { exact: true })).toHaveValue("Interrupted Person");
  await expect(form.getByLabel("E-mail")).toHaveValue(email);
  await expect(key).toHaveValue(sentKey);
  await expectNoAxeViolations(page);

  // The account was created by the lost request; the same submission answers its first result instead of
  // refusing the address as taken.
  await form.getByRole("button", { name: "Create the account" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interrupted Person");
  await page.goto(`/en/admin/users?q=${encodeURIComponent(email)}`);
  await expect(page.getByRole("row").filter({ hasText: email })).toHaveCount(1);
});

test("in French, a request that never reached the portal keeps the form and can be sent again", async ({ page }) => {
  const email = `e2e-interrompu-${randomUUID().slice(0, 8)}@test.example`;
  await signIn(page, demoAccounts.admin, "en");
  await page.goto("/fr/admin/users/new");
  const form = await fillNewAccount(page, { name: "Nom", email: "Courriel", role: "Rôle" }, email);

  await interruptNextServerAction(page, { reachServer: false });
  await form.getByRole("button", { name: "Créer le compte" }).click();

  await expect(form.getByText("La connexion au portail a été interrompue; vos modifications n'ont peut-être pas été enregistrées.")).toBeVisible();
  await expect(form.getByLabel("Courriel")).toHaveValue(email);
  await expectNoAxeViolations(page);

  await form.getByRole("button", { name: "Créer le compte" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Interrupted Person");
});
