import { BASE_URL } from "../../playwright.config";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import Parser from "rss-parser";
import { PAGE_TYPES, STORIES } from "./support";

test.describe("search", () => {
  test("searching, filtering and paging keep their state in the URL", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "Sök" }).click();
    await page.getByLabel("Sökord").fill("Stenungsund");
    await page.getByRole("button", { name: "Sök", exact: true }).click();
    await expect(page).toHaveURL(/\/sok\?q=Stenungsund/);
    await expect(page.getByRole("status")).toContainText("för ”Stenungsund”");
    await expect(page.getByRole("link", { name: /Stenungsund tar täten/ })).toBeVisible();
    // Matches are marked in the snippet, and people and organisations form their own group.
    await expect(page.locator("mark").first()).toBeVisible();
    await expect(page.getByRole("region", { name: /Nätverk, personer och organisationer/ }).getByRole("link", { name: "Stenungsunds kommun" })).toBeVisible();

    await page.getByLabel("Typ").selectOption("intervju");
    await page.getByRole("button", { name: "Visa resultat" }).click();
    await expect(page).toHaveURL(/typ=intervju/);
    const kinds = await page.locator("main ol article p.uppercase").allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(["Intervju"]));
    await page.getByRole("list", { name: "Valda filter" }).getByRole("link", { name: /Intervju/ }).click();
    await expect(page).not.toHaveURL(/typ=/);

    await page.goto("/sok?kommun=lerum&sortera=senaste");
    await page.getByRole("navigation", { name: "Sidnumrering" }).getByRole("link", { name: /Nästa/ }).click();
    await expect(page).toHaveURL(/kommun=lerum.*sida=2|sida=2.*kommun=lerum/);
    await expect(page.getByLabel("Kommun eller organisation")).toHaveValue("lerum");
    await expect(page.getByRole("status")).toContainText("sida 2");
  });

  test("a misspelling that finds nothing shows what the spelling the site uses finds, and says so", async ({ page }) => {
    await page.goto("/sok?q=Stenungsnd");
    await expect(page.getByRole("status")).toContainText("Inga artiklar för ”Stenungsnd”. Visar");
    await expect(page.getByRole("status")).toContainText("för ”stenungsund”");
    await expect(page.getByRole("link", { name: /Stenungsund tar täten/ })).toBeVisible();
    await page.getByRole("link", { name: "stenungsund", exact: true }).click();
    await expect(page).toHaveURL(/q=stenungsund/);
    await expect(page.getByRole("link", { name: /Stenungsund tar täten/ })).toBeVisible();
  });

  test("a query typed without å, ä or ö finds the words written with them", async ({ page }) => {
    await page.goto("/sok?q=foretagsklimat");
    await expect(page.getByRole("status")).not.toContainText("Inga artiklar");
    await expect(page.getByRole("status")).toContainText("för ”foretagsklimat”");
    await expect(page.locator("main ol > li").first()).toBeVisible();
  });

  test("works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto("/sok");
    await page.getByLabel("Sökord").fill("nätverk");
    await page.getByLabel("Sökord").press("Enter");
    await expect(page).toHaveURL(/q=n%C3%A4tverk/);
    await expect(page.getByRole("link", { name: /Ett nätverk som går över/ })).toBeVisible();
    await context.close();
  });

  test("answers long and hostile queries normally, echoing nothing as markup", async ({ page, request }) => {
    for (const q of ["x".repeat(2000), "<script>alert('sök')</script>", "'; DROP TABLE story; --", '" OR - ( ) & |']) {
      const res = await request.get(`/sok?q=${encodeURIComponent(q)}&ar=abc&typ=%3Cb%3E`);
      expect(res.status()).toBe(200);
      expect(await res.text()).not.toContain("<script>alert");
    }
    await page.goto(`/sok?q=${encodeURIComponent("<b>fet</b>")}`);
    await expect(page.locator("main b")).toHaveCount(0);
  });

  test("search pages stay out of search engines' indexes", async ({ page }) => {
    await page.goto("/sok?q=Lerum");
    await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);
  });
});

test.describe("feeds and sitemaps", () => {
  test("every page with a feed advertises it, and the feed parses", async ({ page, request }) => {
    for (const p of ["/", "/nyheter", "/intervjuer", "/kommuner/lerum", "/amnen/foretagsklimat", "/natverk/naringslivsnatverket-goteborgsregionen"]) {
      await page.goto(p);
      // The page's own feed comes first (a list also names the site's).
      const href = await page.locator('link[rel="alternate"][type="application/rss+xml"]').first().getAttribute("href");
      const atom = await page.locator('link[rel="alternate"][type="application/atom+xml"]').first().getAttribute("href");
      for (const url of [href!, atom!]) {
        const res = await request.get(url);
        expect(res.status(), url).toBe(200);
        const feed = await new Parser().parseString(await res.text());
        expect(feed.items.length, url).toBeGreaterThan(0);
      }
    }
  });

  test("robots.txt points at a sitemap index whose files validate", async ({ request }) => {
    const robots = await (await request.get("/robots.txt")).text();
    // /sok is crawlable so that its noindex is read; the newsroom is closed.
    expect(robots).not.toMatch(/Disallow: \/sok/);
    expect(robots).toMatch(/Disallow: \/admin/);
    const sitemapUrl = /Sitemap: (\S+)/.exec(robots)![1]!;
    const index = await (await request.get(sitemapUrl)).text();
    const dir = mkdtempSync(path.join(os.tmpdir(), "nn-e2e-xml-"));
    const check = (xml: string, schema: string) => {
      const file = path.join(dir, `${Math.random()}.xml`);
      writeFileSync(file, xml);
      execFileSync("xmllint", ["--noout", "--schema", path.resolve("tests/fixtures/xsd", schema), file], { stdio: "pipe" });
    };
    check(index, "siteindex.xsd");
    const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!);
    expect(files.some((f) => f.endsWith("/sitemaps/artiklar-1.xml"))).toBe(true);
    let stories = 0;
    for (const f of files) {
      const xml = await (await request.get(f)).text();
      check(xml, f.includes("nyheter-google") ? "sitemap-news.xsd" : "sitemap.xsd");
      if (f.includes("artiklar")) stories += (xml.match(/<url>/g) ?? []).length;
    }
    // The 19 seeded stories, and any that tests running beside this one have published.
    expect(stories).toBeGreaterThanOrEqual(19);
  });
});

test.describe("structured data", () => {
  async function jsonLd(page: Page): Promise<Record<string, unknown>[]> {
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    return blocks.flatMap((b) => {
      const value = JSON.parse(b) as Record<string, unknown> | Record<string, unknown>[];
      return Array.isArray(value) ? value : [value];
    });
  }

  test("every page below the start page has a breadcrumb trail, and the start page a site search", async ({ page }) => {
    for (const p of PAGE_TYPES.filter((x) => !x.name.startsWith("404"))) {
      await page.goto(p.path);
      const data = await jsonLd(page);
      if (p.path === "/") {
        const site = data.find((d) => d["@type"] === "WebSite") as { potentialAction: { target: { urlTemplate: string }; "query-input": string } };
        expect(site.potentialAction.target.urlTemplate).toMatch(/\/sok\?q=\{search_term_string\}$/);
        expect(site.potentialAction["query-input"]).toBe("required name=search_term_string");
        continue;
      }
      const crumbs = data.find((d) => d["@type"] === "BreadcrumbList") as { itemListElement: { position: number; name: string; item?: string }[] };
      expect(crumbs?.itemListElement.length, p.path).toBeGreaterThanOrEqual(2);
      expect(crumbs.itemListElement[0]).toMatchObject({ position: 1, name: "Start", item: `${BASE_URL}/` });
      expect(crumbs.itemListElement.at(-1)!.position).toBe(crumbs.itemListElement.length);
      // Google needs a URL on every step but the current page.
      for (const step of crumbs.itemListElement.slice(0, -1)) expect(step.item, `${p.path} ${step.name}`).toMatch(new RegExp(`^${BASE_URL}/`));
    }
  });

  test("a story is a NewsArticle with what Google requires and recommends", async ({ page }) => {
    await page.goto(STORIES.seriesInterview);
    type Article = Record<string, unknown> & { image: string[]; author: { name: string; url: string }[]; about: { "@type": string }[]; mentions: { name: string }[] };
    const article = (await jsonLd(page)).find((d) => d["@type"] === "NewsArticle") as Article;
    expect(article).toMatchObject({
      headline: "Stenungsund tar täten i regionens företagsklimat",
      datePublished: expect.stringMatching(/^2021-05-0\dT/),
      dateModified: expect.stringMatching(/^\d{4}-/),
      mainEntityOfPage: { "@id": `${BASE_URL}${STORIES.seriesInterview}` },
      publisher: { "@type": "Organization", name: "Näringslivsnytt", logo: { url: `${BASE_URL}/logo.png` } },
    });
    expect(article.image[0]).toMatch(new RegExp(`^${BASE_URL}/media/`));
    expect(article.author).toEqual([{ "@type": "Organization", name: "Näringslivsnytts redaktion", url: `${BASE_URL}/om` }]);
    expect(article.about.map((a) => a["@type"])).toContain("GovernmentOrganization");
    expect(article.mentions.map((m) => m.name)).toContain("Kicki Nordberg");
    await expect(page.locator('meta[property="og:image"]')).toHaveAttribute("content", /\/media\//);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", `${BASE_URL}${STORIES.seriesInterview}`);
  });

  test("people and organisations describe themselves, municipalities as government organisations", async ({ page, request }) => {
    await page.goto("/personer/kicki-nordberg");
    expect((await jsonLd(page)).find((d) => d["@type"] === "Person")).toMatchObject({ name: "Kicki Nordberg", worksFor: { "@type": "GovernmentOrganization" } });
    await page.goto("/kommuner/lerum");
    expect((await jsonLd(page)).find((d) => d["@type"] === "GovernmentOrganization")).toMatchObject({ name: "Lerums kommun", sameAs: ["https://www.lerum.se"] });
    await page.goto("/organisationer/svenskt-naringsliv");
    expect((await jsonLd(page)).find((d) => d["@type"] === "Organization")).toMatchObject({ name: "Svenskt Näringsliv" });
    const og = await request.get(`/og/nyhet/${STORIES.news.split("/").pop()}`);
    expect(og.status()).toBe(200);
    expect(og.headers()["content-type"]).toBe("image/png");
  });
});

test("a changed slug answers with a permanent redirect to the story's address", async ({ request }) => {
  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    await client.query(`INSERT INTO story_redirect (old_slug, story_id) SELECT 'gammal-adress-till-lerum', id FROM story WHERE slug = $1 ON CONFLICT DO NOTHING`, [STORIES.news.split("/").pop()]);
  } finally {
    await client.end();
  }
  const res = await request.get("/nyheter/gammal-adress-till-lerum", { maxRedirects: 0 });
  expect(res.status()).toBe(308);
  expect(res.headers()["location"]).toMatch(new RegExp(`${STORIES.news}$`));
});
