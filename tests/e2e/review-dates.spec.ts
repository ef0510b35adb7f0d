import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_EDITOR } from "./test-accounts";

// "Granskas senast" (decision 024): an editor sets a published story's review date to one that
// has passed, finds it on the overview under its organisation, and marks it as reviewed there
// by keyboard, which moves the date a year on and takes it off the list.

/** Yesterday as YYYY-MM-DD in Stockholm. */
function yesterday(): string {
  return new Date(Date.now() - 24 * 3600_000).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" });
}

test("an overdue story is listed per organisation and marked as reviewed from the overview", async ({ page }) => {
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await page.goto("/admin/artiklar?status=PUBLISHED");
  const first = page.locator("main table tbody tr a").first();
  const title = (await first.textContent())!.trim();
  await first.click();
  await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  const review = page.getByRole("region", { name: "Granskning" });

  await review.getByLabel("Granskas senast").fill(yesterday());
  await review.getByRole("button", { name: "Spara datumet" }).click();
  await expect(review.getByText(/^Granskas senast \d+ \p{L}+ \d{4}\.$/u)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.goto("/admin");
  const overdue = page.getByRole("region", { name: "Passerat granskningsdatum" });
  await expect(overdue.getByRole("heading", { name: "Lerums kommun" })).toBeVisible();
  const item = overdue.getByRole("listitem").filter({ hasText: title });
  await expect(item).toContainText("granskas senast");
  await expectNoAxeViolations(page);

  const mark = item.getByRole("button", { name: `Markera som granskad ”${title}”` });
  await mark.focus();
  await page.keyboard.press("Enter");
  await expect(overdue.getByRole("listitem").filter({ hasText: title })).toHaveCount(0);

  // Back in the editor the date is a year on.
  await page.goto("/admin/artiklar?status=PUBLISHED");
  await page.locator("main table tbody tr a").filter({ hasText: title }).first().click();
  const nextYear = new Date(Date.now() + 300 * 24 * 3600_000).getFullYear();
  await expect(page.getByRole("region", { name: "Granskning" }).getByLabel("Granskas senast")).toHaveValue(new RegExp(`^(${nextYear}|${nextYear + 1})-`));
});

test("a network's review date is kept with a Swedish message when it is cleared", async ({ page }) => {
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await page.goto("/admin/natverk");
  await page.locator('main a[href^="/admin/natverk/"]:not([href$="/ny"])').first().click();
  await expect(page).toHaveURL(/\/admin\/natverk\/[0-9a-f-]{36}$/);
  const review = page.getByRole("region", { name: "Granskning" });
  const stored = await review.getByLabel("Granskas senast").inputValue();
  expect(stored).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  await review.getByLabel("Granskas senast").fill("");
  await review.getByRole("button", { name: "Spara datumet" }).click();
  await expect(review.getByText("Välj ett datum: nätverk och sidor har alltid ett granskningsdatum.").first()).toBeVisible();
  await expectNoAxeViolations(page);
  await review.getByRole("button", { name: "Markera som granskad" }).click();
  await expect(review.getByText(/^Markerad som granskad\./)).toBeVisible();
});
