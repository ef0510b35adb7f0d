import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, PAGE_TYPES } from "./support";

// Every public page type: it answers, it is Swedish, it has one h1, and axe finds nothing,
// on a wide desktop and on a 320 px phone (where nothing may scroll sideways).
for (const p of PAGE_TYPES) {
  test.describe(p.name, () => {
    test(`${p.path} renders and passes axe on desktop`, async ({ page }) => {
      const response = await page.goto(p.path);
      expect(response?.status()).toBe(p.name.startsWith("404") ? 404 : 200);
      await expect(page.locator("html")).toHaveAttribute("lang", "sv");
      await expect(page.locator("h1")).toHaveCount(1);
      await expect(page.locator("h1")).toHaveText(p.h1);
      await expect(page.locator("main#innehall")).toBeVisible();
      await expectNoAxeViolations(page);
    });

    test(`${p.path} fits a 320 px screen and passes axe there`, async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto(p.path);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await expectNoAxeViolations(page);
    });
  });
}
