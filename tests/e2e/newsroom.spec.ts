import { BASE_URL } from "../../playwright.config";
import { expect, test } from "@playwright/test";
import { TEST_ADMIN } from "./test-accounts";
import { expectNoAxeViolations } from "./support";

test("the newsroom is closed to anonymous visitors", async ({ page, request }) => {
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Logga in på redaktionen");
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  await expectNoAxeViolations(page);
  // Public sign-up is switched off.
  const signUp = await request.post("/api/auth/sign-up/email", {
    data: { email: "ny@example.se", password: "ett-langt-losenord", name: "Ny" },
    headers: { origin: BASE_URL },
  });
  expect(signUp.status()).toBeGreaterThanOrEqual(400);
});

test("a failed sign-in keeps the address and says the same whether or not the account exists", async ({ page }) => {
  // Submits and waits for the server's answer, so the next step never races the re-render.
  const submit = async () => {
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/logga-in")), page.getByRole("button", { name: "Logga in" }).click()]);
    await expect(page.getByRole("button", { name: "Logga in" })).toBeEnabled();
  };
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("admin@test.local");
  await page.getByLabel("Lösenord").fill("fel-losenord");
  await submit();
  await expect(page.getByRole("alert").filter({ hasText: "Fel" })).toHaveText("Fel e-postadress eller lösenord.");
  await expect(page.getByLabel("E-postadress")).toHaveValue("admin@test.local");

  await page.getByLabel("E-postadress").fill("finns-inte@test.local");
  await page.getByLabel("Lösenord").fill("fel-losenord");
  await submit();
  await expect(page.getByLabel("E-postadress")).toHaveValue("finns-inte@test.local");
  await expect(page.getByRole("alert").filter({ hasText: "Fel" })).toHaveText("Fel e-postadress eller lösenord.");

  await page.getByLabel("E-postadress").fill("inte-en-adress");
  await submit();
  await expect(page.getByText("Skriv en giltig e-postadress.")).toBeVisible();
  await expect(page.getByLabel("E-postadress")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
});

test("staff sign in by keyboard, see the newsroom, and sign out", async ({ page, context }) => {
  await page.goto("/logga-in");
  await page.getByLabel("E-postadress").fill("admin@test.local");
  await page.getByLabel("Lösenord").fill(TEST_ADMIN.password);
  await page.getByLabel("Lösenord").press("Enter");
  await expect(page).toHaveURL(/\/admin$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Välkommen, Test Administratör");
  await expect(page.getByText("Test Administratör · Administratör")).toBeVisible();
  await expect(page.getByRole("table").getByRole("row")).not.toHaveCount(1);
  await expectNoAxeViolations(page);

  const session = (await context.cookies()).find((c) => c.name.includes("session_token"));
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  await page.getByRole("button", { name: "Logga ut" }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/logga-in$/);
});
