import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import Parser from "rss-parser";
import { BASE_URL } from "../../playwright.config";
import { expectNoAxeViolations, signIn, STORIES } from "./support";
import { TEST_ADMIN } from "./test-accounts";

// What readers noticed (issue 11, items 3 and 4): index pages of people and series, a way to
// subscribe on every page with a feed, print, photo credits, dates, card placeholders.

async function crumbsLd(page: Page) {
  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  return blocks.map((b) => JSON.parse(b) as { "@type": string; itemListElement?: { name: string; item?: string }[] }).find((d) => d["@type"] === "BreadcrumbList")!;
}

test.describe("index pages", () => {
  test("/personer lists everyone with a link to their page and passes axe", async ({ page }) => {
    expect((await page.goto("/personer"))?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Personer");
    const link = page.getByRole("main").getByRole("link", { name: "Pia Areblad" });
    await expect(link).toHaveAttribute("href", "/personer/pia-areblad");
    expect(await page.getByRole("main").locator('a[href^="/personer/"]').count()).toBeGreaterThan(3);
    await expectNoAxeViolations(page);
    await link.click();
    await expect(page.locator("h1")).toHaveText(/Pia Areblad/);
  });

  test("/serier lists the series with links and passes axe", async ({ page }) => {
    expect((await page.goto("/serier"))?.status()).toBe(200);
    await expect(page.locator("h1")).toHaveText("Serier");
    await expect(page.getByRole("main").getByRole("link", { name: "Kommundirektörerna om pandemin" })).toHaveAttribute("href", "/serier/kommundirektorerna-om-pandemin");
    await expectNoAxeViolations(page);
  });

  for (const [path, label, index] of [
    ["/personer/pia-areblad", "Personer", "/personer"],
    ["/serier/kommundirektorerna-om-pandemin", "Serier", "/serier"],
  ] as const) {
    test(`the breadcrumbs on ${path} link to ${index}, visibly and in the structured data`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Brödsmulor" }).getByRole("link", { name: label })).toHaveAttribute("href", index);
      const ld = await crumbsLd(page);
      expect(ld.itemListElement!.map((s) => s.name).slice(0, 2)).toEqual(["Start", label]);
      expect(ld.itemListElement![1]!.item).toBe(`${BASE_URL}${index}`);
    });
  }
});

test.describe("subscribing", () => {
  for (const [path, feed] of [
    ["/nyheter", "/nyheter/feed.xml"],
    ["/kommuner/lerum", "/kommuner/lerum/feed.xml"],
    [STORIES.news, "/kommuner/lerum/feed.xml"],
  ] as const) {
    test(`${path} has a Prenumerera block whose feed links work`, async ({ page, request }) => {
      await page.goto(path);
      const block = page.getByRole("region", { name: "Prenumerera" });
      await expect(block).toBeVisible();
      const hrefs = await block.getByRole("link").evaluateAll((links) => links.map((a) => a.getAttribute("href")!));
      expect(hrefs).toContain(feed);
      expect(hrefs).toContain(feed.replace("feed.xml", "atom.xml"));
      for (const href of hrefs) {
        const res = await request.get(href);
        expect(res.status(), href).toBe(200);
        expect((await new Parser().parseString(await res.text())).items.length, href).toBeGreaterThan(0);
      }
    });
  }

  test("the interview list's feeds hold interviews only", async ({ request }) => {
    const feed = await new Parser().parseString(await (await request.get("/intervjuer/atom.xml")).text());
    expect(feed.items.length).toBeGreaterThan(0);
    for (const item of feed.items) expect(item.link).toContain(`${BASE_URL}/intervjuer/`);
  });

  test("a story page advertises its feeds for feed readers to discover", async ({ page, request }) => {
    await page.goto(STORIES.news);
    const rss = await page.locator('link[rel="alternate"][type="application/rss+xml"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")!));
    expect(rss.map((h) => new URL(h, BASE_URL).pathname)).toContain("/kommuner/lerum/feed.xml");
    for (const href of rss) expect((await request.get(href)).status(), href).toBe(200);
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute("href", /atom\.xml$/);
  });
});

test.describe("reading a story", () => {
  test("printed, it has no site navigation, buttons or related stories, but its address and dates", async ({ page }) => {
    await page.goto(STORIES.news);
    await expect(page.locator("[data-print-url]")).toBeHidden();
    await page.emulateMedia({ media: "print" });
    await expect(page.getByRole("banner")).toBeHidden();
    await expect(page.getByRole("contentinfo")).toBeHidden();
    await expect(page.getByRole("navigation", { name: "Brödsmulor" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Tipsa en vän" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Prenumerera" })).toBeHidden();
    await expect(page.getByRole("region", { name: "Relaterade artiklar" })).toBeHidden();
    for (const b of await page.getByRole("button").all()) await expect(b).toBeHidden();
    await expect(page.locator("[data-print-url]")).toBeVisible();
    await expect(page.locator("[data-print-url]")).toHaveText(`Adress: ${BASE_URL}${STORIES.news}`);
    await expect(page.getByText("Publicerad:")).toBeVisible();
    await expect(page.locator("h1")).toBeVisible();
  });

  test("shows Senast uppdaterad only when the story changed after it was published", async ({ page }) => {
    // Published and last saved at the same moment in the demo content.
    await page.goto(STORIES.newsWithPhotos);
    await expect(page.getByText("Publicerad:")).toBeVisible();
    await expect(page.getByText(/Senast uppdaterad|Uppdaterad:/)).toHaveCount(0);
  });

  test("a photo credit says Foto: before the photographer's name", async ({ page }) => {
    const slug = "upplands-vasby-har-fatt-sin-forsta-naringslivsstrateg";
    const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
    await client.connect();
    const { rows } = await client.query<{ id: string; credit: string }>("SELECT m.id, m.credit FROM story s JOIN media m ON m.id = s.hero_image_id WHERE s.slug = $1", [slug]);
    await client.end();
    const media = rows[0]!;
    // Through the newsroom, so the story's stored page is invalidated as in real use.
    const setCredit = async (credit: string) => {
      await page.goto(`/admin/media/${media.id}`);
      await page.getByLabel("Fotograf eller källa").fill(credit);
      await page.getByRole("button", { name: "Spara" }).click();
      await expect(page.getByText("Bilden är sparad.")).toBeVisible();
    };
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await setCredit("Anna Andersson");
    try {
      await page.goto(`/nyheter/${slug}`);
      await expect(page.locator("figure.hero-figure figcaption .credit")).toHaveText("Foto: Anna Andersson");
    } finally {
      await setCredit(media.credit);
    }
    await page.goto(`/nyheter/${slug}`);
    // A credit that already says what it is keeps its own word.
    await expect(page.locator("figure.hero-figure figcaption .credit")).toHaveText(media.credit);
  });
});

test.describe("story cards", () => {
  test("a card without an image has a decorative placeholder of the same shape", async ({ page }) => {
    await page.goto("/nyheter/sida/2");
    const card = page.locator("article").filter({ hasNot: page.locator("img") }).first();
    const placeholder = card.locator("[data-card-placeholder]");
    await expect(placeholder).toHaveAttribute("aria-hidden", "true");
    const box = (await placeholder.boundingBox())!;
    expect(box.width / box.height).toBeCloseTo(16 / 9, 1);
  });

  test("abbreviations on cards are marked up with what they stand for", async ({ page }) => {
    await page.goto("/nyheter");
    await expect(page.locator('article abbr[title="Sveriges Kommuner och Landsting"]').first()).toHaveText("SKL");
  });
});
