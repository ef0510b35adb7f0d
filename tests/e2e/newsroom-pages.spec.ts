import { BASE_URL } from "../../playwright.config";
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations, signIn } from "./support";
import { TEST_ADMIN, TEST_WRITER } from "./test-accounts";

// Every newsroom page: closed to anonymous visitors, closed to roles too low for it, and free
// of axe violations for an administrator. The page list comes from the app folder, so a new
// page that this sweep never reaches fails the test.

function pagePatterns(dir: string, route = ""): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return pagePatterns(full, `${route}/${name}`);
    return name === "page.tsx" ? [route || "/"] : [];
  });
}

const PATTERNS = pagePatterns(path.resolve("app/(admin)")).map((p) => ({ pattern: p, regex: new RegExp(`^${p.replace(/\[[^\]]+\]/g, "[^/]+")}$`) }));
const FAKE_ID = "00000000-0000-4000-8000-000000000000";
const ADMIN_ONLY = ["/admin/anvandare", "/admin/anvandare/bjud-in", "/admin/organisationer", "/admin/organisationer/ny", "/admin/installningar", "/admin/logg", "/admin/bevakningar", "/admin/personuppgifter", "/admin/import"];

test("anonymous visitors are sent to sign in from every newsroom page and route", async ({ request }) => {
  for (const { pattern } of PATTERNS) {
    const url = pattern.replace(/\[[^\]]+\]/g, FAKE_ID);
    const res = await request.get(url, { maxRedirects: 0 });
    expect(res.status(), url).toBeGreaterThanOrEqual(300);
    expect(res.status(), url).toBeLessThan(400);
    expect(res.headers().location, url).toMatch(/\/logga-in$/);
  }
  expect((await request.get(`/admin/artiklar/${FAKE_ID}/forhandsvisa`, { maxRedirects: 0 })).headers().location).toMatch(/\/logga-in$/);
  expect([401, 303]).toContain((await request.get("/admin/media/bibliotek", { maxRedirects: 0 })).status());
  const upload = await request.post("/admin/media/ladda-upp", { multipart: { alt: "x" }, headers: { origin: BASE_URL, accept: "application/json" }, maxRedirects: 0 });
  expect(upload.status()).toBe(401);
  expect((await request.post("/api/intern/schemalaggare")).status()).toBe(403);
});

test("a writer gets 403 on the administrators' pages and cannot upload from another origin", async ({ page }) => {
  await signIn(page, TEST_WRITER.email, TEST_WRITER.password);
  for (const url of [...ADMIN_ONLY, "/admin/amnen/ny", "/admin/serier/ny", "/admin/kommentarer"]) {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(403);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Du har inte behörighet till den här sidan");
  }
  await expectNoAxeViolations(page);
  const nav = page.getByRole("navigation", { name: "Redaktionen" });
  await expect(nav.getByRole("link", { name: "Användare" })).toHaveCount(0);
  const foreign = await page.request.post("/admin/media/ladda-upp", { multipart: { alt: "x" }, headers: { origin: "https://evil.example", accept: "application/json" } });
  expect(foreign.status()).toBe(403);
});

test("every newsroom page has no axe violations for an administrator", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
  const visited = new Set<string>();
  const check = async (url: string) => {
    const res = await page.goto(url);
    expect(res?.status(), url).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoAxeViolations(page);
    const pathname = new URL(page.url()).pathname;
    for (const p of PATTERNS) if (p.regex.test(pathname)) visited.add(p.pattern);
  };
  /** The first link on the current page that leads to a record's own page under `base`. */
  const firstRecord = async (base: string) => {
    const record = new RegExp(`^${base}/[0-9a-zA-Z-]{16,}$`);
    const hrefs = await page.locator(`main a[href^="${base}/"]`).evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
    const href = hrefs.find((h) => record.test(h)) ?? "";
    expect(href, `a record link under ${base}`).toMatch(record);
    return href;
  };

  await check("/admin");
  for (const section of ["artiklar", "media", "personer", "amnen", "serier", "natverk", "organisationer", "anvandare"]) {
    const base = `/admin/${section}`;
    await check(base);
    const record = await firstRecord(base);
    await check(record);
    if (["personer", "amnen", "serier", "natverk", "organisationer"].includes(section)) await check(`${record}/ta-bort`);
  }
  for (const url of ["/admin/artiklar/ny", "/admin/personer/ny", "/admin/amnen/ny", "/admin/serier/ny", "/admin/natverk/ny", "/admin/organisationer/ny", "/admin/anvandare/bjud-in", "/admin/installningar", "/admin/logg", "/admin/papperskorg", "/admin/lankar", "/admin/bevakningar", "/admin/kommentarer", "/admin/personuppgifter", "/admin/import", "/admin/konto"]) {
    await check(url);
  }
  // The editor's error state, then a saved story's history and its first version.
  // (A draft saves however incomplete, so the error is a field over its limit.)
  await page.goto("/admin/artiklar/ny");
  await page.getByLabel("Metabeskrivning (för sökmotorer)").fill("För lång. ".repeat(20));
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page.getByRole("alert").filter({ hasText: "kunde inte sparas" })).toBeVisible();
  await expect(page.getByLabel("Metabeskrivning (för sökmotorer)")).toHaveAttribute("aria-invalid", "true");
  await expectNoAxeViolations(page);
  await page.getByLabel("Metabeskrivning (för sökmotorer)").fill("");
  await page.getByLabel("Rubrik", { exact: false }).first().fill(`Tillgänglighetskontroll ${Date.now()}`);
  await page.getByLabel("Ingress").fill("En artikel som bara finns för att historiken ska ha en version.");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  const story = new URL(page.url()).pathname;
  await check(`${story}/historik`);
  const revision = await page.locator(`main a[href^="${story}/historik/"]`).first().getAttribute("href");
  await check(revision!);

  const missing = PATTERNS.map((p) => p.pattern).filter((p) => !visited.has(p));
  expect(missing).toEqual([]);
});
