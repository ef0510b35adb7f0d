import { BASE_URL } from "../../playwright.config";
import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import pg from "pg";
import { PAGE_TYPES, STORIES } from "./support";

test("the first Tab reaches the skip link, which moves focus to the content", async ({ page }) => {
  await page.goto(STORIES.news);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#innehall$/);
  await page.keyboard.press("Tab");
  // The next stop is inside the main content, not the header menu.
  expect(await page.evaluate(() => !!document.activeElement?.closest("main"))).toBe(true);
});

test("every link and button can be reached by keyboard and shows where focus is", async ({ page }) => {
  await page.goto(STORIES.interview);
  const interactive = await page.locator("a[href], button").count();
  const seen = new Set<string>();
  for (let i = 0; i < interactive + 2; i++) {
    await page.keyboard.press("Tab");
    const info = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      if (!el || el === document.body) return null;
      const style = getComputedStyle(el);
      return { key: `${el.tagName}:${el.getAttribute("href") ?? el.textContent}`, outline: style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0 };
    });
    if (!info) continue;
    expect(info.outline, info.key).toBe(true);
    seen.add(info.key);
  }
  expect(seen.size).toBeGreaterThan(20);
});

test("no page asks any other origin for anything", async ({ page }) => {
  test.setTimeout(120_000);
  const foreign: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (![new URL(BASE_URL).host].includes(url.host) && !url.protocol.startsWith("data")) foreign.push(req.url());
  });
  for (const p of PAGE_TYPES) await page.goto(p.path, { waitUntil: "networkidle" });
  expect(foreign).toEqual([]);
});

test("Tipsa en vän: the e-mail link carries the address and the button copies it", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await page.goto(STORIES.news);
  const share = page.getByRole("region", { name: "Tipsa en vän" });
  const mailto = await share.getByRole("link", { name: /e-post/ }).getAttribute("href");
  expect(decodeURIComponent(mailto!)).toContain(`${BASE_URL}${STORIES.news}`);
  await share.getByRole("button", { name: "Kopiera länk" }).click();
  await expect(share.getByRole("status")).toHaveText("Länken är kopierad.");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${BASE_URL}${STORIES.news}`);
});

test("a cached page is served without reading the database again", async ({ page }) => {
  await page.goto(STORIES.newsWithPhotos);
  const title = await page.locator("h1").textContent();
  // Change the stored title behind the site's back: a cache hit must not notice.
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    await client.query("UPDATE story SET title = 'Ändrad direkt i databasen' WHERE slug = $1", [STORIES.newsWithPhotos.split("/").pop()]);
    await page.reload();
    await expect(page.locator("h1")).toHaveText(title!);
  } finally {
    await client.query("UPDATE story SET title = $1 WHERE slug = $2", [title, STORIES.newsWithPhotos.split("/").pop()]);
    await client.end();
  }
});

test("public pages set no cookies and send security headers", async ({ page, context }) => {
  const response = await page.goto("/");
  for (const p of PAGE_TYPES.slice(0, 8)) await page.goto(p.path);
  expect(await context.cookies()).toEqual([]);
  const headers = response!.headers();
  expect(headers["content-security-policy"]).toContain("default-src 'self'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-powered-by"]).toBeUndefined();
});
