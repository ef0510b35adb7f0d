import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { PAGE_TYPES, signIn, STORIES } from "./support";
import { TEST_ADMIN } from "./test-accounts";

// The findings of the independent audit (issue 13), each checked the way the auditor's tools
// saw it: the server HTML without JavaScript, every URL the sitemaps list, HTML_CodeSniffer's
// WCAG 2 AA rules in the browser.

const SITE_SUFFIX = " – Näringslivsnytt";

/** The server's HTML of a path, as a crawler that runs no JavaScript reads it. */
async function serverHtml(request: APIRequestContext, p: string): Promise<{ status: number; html: string }> {
  const res = await request.get(p, { maxRedirects: 0 });
  return { status: res.status(), html: await res.text() };
}

const metaContent = (html: string, attr: "name" | "property", key: string) =>
  new RegExp(`<meta ${attr}="${key.replace(/[:.]/g, "\\$&")}" content="([^"]*)"`).exec(html)?.[1];

const decode = (s: string) => s.replace(/&amp;/g, "&").replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">");

/** Every page URL the sitemaps list, as site-relative paths. */
async function sitemapPaths(request: APIRequestContext): Promise<string[]> {
  const index = await (await request.get("/sitemap.xml")).text();
  const files = [...index.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname).filter((f) => !f.includes("google"));
  const paths: string[] = [];
  for (const f of files) {
    const xml = await (await request.get(f)).text();
    paths.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname));
  }
  return paths;
}

test.describe("search engines", () => {
  test("a 404 under a dynamic route has its header, main and h1 in the server HTML, and a share card", async ({ request }) => {
    for (const p of ["/nyheter/finns-inte", "/kommuner/finns-inte", "/nyheter?ar=abc", "/amnen/foretagsklimat/arkiv/1999"]) {
      const { status, html } = await serverHtml(request, p);
      expect(status, p).toBe(404);
      expect(html, p).toMatch(/<header[\s>]/);
      expect(html, p).toMatch(/<main[\s>]/);
      expect(html, p).toMatch(/<h1[^>]*>Sidan finns inte<\/h1>/);
      expect(metaContent(html, "property", "og:title"), p).toBe("Sidan finns inte");
      expect(metaContent(html, "property", "og:description"), p).toBeTruthy();
    }
  });

  test("search pages are crawlable, say noindex themselves and have Open Graph tags", async ({ request }) => {
    const robots = await (await request.get("/robots.txt")).text();
    expect(robots).not.toMatch(/Disallow: \/sok/);
    for (const p of ["/sok", "/sok?q=f%C3%B6retagsklimat"]) {
      const { html } = await serverHtml(request, p);
      expect(metaContent(html, "name", "robots"), p).toMatch(/noindex/);
      expect(metaContent(html, "property", "og:title"), p).toBeTruthy();
      expect(metaContent(html, "property", "og:image"), p).toBeTruthy();
    }
  });

  test("share cards describe their image for Twitter too", async ({ request }) => {
    for (const p of [STORIES.newsWithPhotos, STORIES.interview, "/kommuner/lerum", "/"]) {
      const { html } = await serverHtml(request, p);
      expect(metaContent(html, "name", "twitter:image"), p).toBeTruthy();
      expect(metaContent(html, "name", "twitter:image:alt"), p).toBe(metaContent(html, "property", "og:image:alt"));
    }
  });

  test("feeds of municipalities without stories give a real date, not 1970", async ({ request }) => {
    test.setTimeout(120_000);
    const municipalities = (await sitemapPaths(request)).filter((p) => p.startsWith("/kommuner/"));
    expect(municipalities.length).toBeGreaterThan(5);
    let empty = 0;
    for (const m of municipalities) {
      const rss = await (await request.get(`${m}/feed.xml`)).text();
      const atom = await (await request.get(`${m}/atom.xml`)).text();
      if (!rss.includes("<item>")) empty++;
      const built = new Date(/<lastBuildDate>([^<]+)<\/lastBuildDate>/.exec(rss)![1]!);
      const updated = new Date(/<feed[^>]*>[\s\S]*?<updated>([^<]+)<\/updated>/.exec(atom)![1]!);
      expect(built.getUTCFullYear(), m).toBeGreaterThan(2000);
      expect(updated.getUTCFullYear(), m).toBeGreaterThan(2000);
    }
    expect(empty, "the seed has municipalities without stories").toBeGreaterThan(0);
  });

  test("a year archive of an entity page has its own title, description and h1", async ({ request }) => {
    const base = await serverHtml(request, "/amnen/foretagsklimat");
    for (const [p, title] of [
      ["/amnen/foretagsklimat/arkiv/2021", "Företagsklimat 2021"],
      ["/kommuner/lerum/arkiv/2020", "Lerums kommun 2020"],
    ] as const) {
      const { status, html } = await serverHtml(request, p);
      expect(status, p).toBe(200);
      expect(decode(/<title>([^<]+)<\/title>/.exec(html)![1]!), p).toBe(`${title}${SITE_SUFFIX}`);
      expect(decode(/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)![1]!.replace(/<[^>]+>/g, "").replace(/<!-- -->/g, "")), p).toBe(title);
      expect(html, p).toContain(`<link rel="canonical" href="${BASE_URL}${p}"/>`);
      if (p.startsWith("/amnen")) expect(metaContent(html, "name", "description")).not.toBe(metaContent(base.html, "name", "description"));
    }
  });

  test("an archive without stories is a 404, like a year still to come", async ({ request }) => {
    for (const p of ["/nyheter/arkiv/1999", "/nyheter/arkiv/3000", "/kommuner/lerum/arkiv/2000", "/amnen/foretagsklimat/arkiv/2019", "/intervjuer/arkiv/1995/3"]) {
      expect((await request.get(p, { maxRedirects: 0 })).status(), p).toBe(404);
    }
    for (const p of ["/nyheter/arkiv/2020", "/amnen/foretagsklimat/arkiv/2021"]) expect((await request.get(p)).status(), p).toBe(200);
  });

  test("every URL in the sitemaps has a unique title within 60 characters and a unique description within 160", async ({ request }) => {
    test.setTimeout(240_000); // every page of the site, most of them rendered for the first time
    const paths = await sitemapPaths(request);
    expect(paths.length).toBeGreaterThan(40);
    const titles = new Map<string, string>();
    const descriptions = new Map<string, string>();
    const problems: string[] = [];
    for (const p of paths) {
      const { status, html } = await serverHtml(request, p);
      if (status !== 200) {
        problems.push(`${p}: ${status}`);
        continue;
      }
      const title = decode(/<title>([^<]*)<\/title>/.exec(html)?.[1] ?? "");
      const description = decode(metaContent(html, "name", "description") ?? "");
      const own = title.endsWith(SITE_SUFFIX) ? title.slice(0, -SITE_SUFFIX.length) : title.replace(/^Näringslivsnytt – /, "");
      if (!own) problems.push(`${p}: no title`);
      if (own.length > 60) problems.push(`${p}: title ${own.length} characters`);
      if (!description) problems.push(`${p}: no description`);
      if (description.length > 160) problems.push(`${p}: description ${description.length} characters`);
      if (titles.has(title)) problems.push(`${p}: same title as ${titles.get(title)}`);
      if (description && descriptions.has(description)) problems.push(`${p}: same description as ${descriptions.get(description)}`);
      titles.set(title, p);
      descriptions.set(description, p);
    }
    expect(problems).toEqual([]);
  });

  test("the breadcrumb trail of an organisation leads to the organisations, not the municipalities", async ({ page }) => {
    await page.goto("/organisationer/svenskt-naringsliv");
    const trail = page.getByRole("navigation", { name: /[Bb]rödsmul/ });
    await expect(trail.getByRole("link", { name: "Organisationer" })).toHaveAttribute("href", "/organisationer");
    const ld = (await page.locator('script[type="application/ld+json"]').allTextContents()).map((t) => JSON.parse(t) as { "@type"?: string; itemListElement?: { name: string; item?: string }[] });
    const crumbs = ld.flat().find((d) => d["@type"] === "BreadcrumbList")!;
    expect(crumbs.itemListElement![1]).toMatchObject({ name: "Organisationer", item: `${BASE_URL}/organisationer` });
  });
});

test.describe("accessibility", () => {
  test("the newsroom's first Tab stop skips to its content", async ({ page }) => {
    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    for (const p of ["/admin", "/admin/artiklar"]) {
      await page.goto(p);
      await page.keyboard.press("Tab");
      const skip = page.getByRole("link", { name: "Hoppa till innehållet" });
      await expect(skip).toBeFocused();
      await expect(skip).toBeVisible();
      await page.keyboard.press("Enter");
      await expect(page.locator("main#innehall")).toBeFocused();
    }
  });

  test("focus rings on the dark footer and newsroom header have 3:1 contrast", async ({ page }) => {
    const ratioOfFocused = (p: Page) =>
      p.evaluate(() => {
        const lum = (css: string) => {
          const [r, g, b] = css.match(/\d+(\.\d+)?/g)!.slice(0, 3).map((v) => Number(v) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
          return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
        };
        const el = document.activeElement as HTMLElement;
        let bgEl: HTMLElement | null = el;
        while (bgEl && getComputedStyle(bgEl).backgroundColor.replace(/\s/g, "") in { "rgba(0,0,0,0)": 1, transparent: 1 }) bgEl = bgEl.parentElement;
        const [a, b] = [lum(getComputedStyle(el).outlineColor), lum(getComputedStyle(bgEl!).backgroundColor)];
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      });
    await page.goto("/");
    const footerLink = page.locator("footer a").first();
    await footerLink.focus();
    // A focus ring shows for keyboard focus: move there by Tab from the element before it.
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Tab");
    await expect(footerLink).toBeFocused();
    expect(await ratioOfFocused(page)).toBeGreaterThanOrEqual(3);

    await signIn(page, TEST_ADMIN.email, TEST_ADMIN.password);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    await expect(page.getByRole("link", { name: "Redaktionen" })).toBeFocused();
    expect(await ratioOfFocused(page)).toBeGreaterThanOrEqual(3);
  });

  test("the accessibility statement says what an accessibility statement must", async ({ page }) => {
    await page.goto("/tillganglighet");
    const text = await page.locator("main").innerText();
    // Each known shortcoming names the success criterion it fails.
    const shortcomings = page.getByRole("heading", { name: "Kända brister" }).locator("xpath=following-sibling::ul[1]/li");
    expect(await shortcomings.count()).toBeGreaterThan(0);
    for (const item of await shortcomings.allInnerTexts()) expect(item).toMatch(/framgångskriterium \d\.\d\.\d+ /);
    expect(text).toMatch(/självskattning/);
    expect(text).toMatch(/upprättades den \d+ \w+ \d{4}/);
    expect(text).toMatch(/uppdaterades senast den \d+ \w+ \d{4}/);
    expect(text).toMatch(/redaktionsverktyget/);
    // Third-party PDFs are outside the law's scope, not a shortcoming.
    await expect(page.getByRole("heading", { name: "Innehåll som inte omfattas av lagen" })).toBeVisible();
    for (const item of await shortcomings.allInnerTexts()) expect(item).not.toMatch(/PDF/);
  });

  test("HTML_CodeSniffer finds no WCAG 2 AA errors on any public page type", async ({ page }) => {
    test.setTimeout(180_000);
    const htmlcs = readFileSync(path.resolve("node_modules/html_codesniffer/build/HTMLCS.js"), "utf8");
    const errors: string[] = [];
    for (const p of PAGE_TYPES) {
      await page.goto(p.path);
      await page.addScriptTag({ content: htmlcs });
      const found = await page.evaluate(
        () =>
          new Promise<string[]>((resolve) => {
            const cs = (window as unknown as { HTMLCS: { process: (std: string, el: Element, done: () => void) => void; getMessages: () => { type: number; code: string; msg: string; element: Element }[] } }).HTMLCS;
            cs.process("WCAG2AA", document.documentElement, () =>
              resolve(cs.getMessages().filter((m) => m.type === 1).map((m) => `${m.code}: ${m.msg} <${m.element.tagName.toLowerCase()}${m.element.id ? `#${m.element.id}` : ""}>`)),
            );
          }),
      );
      errors.push(...found.map((f) => `${p.path} ${f}`));
    }
    expect(errors).toEqual([]);
  });
});

test.describe("page weight", () => {
  test("no public page type loads Next's runtime: scripts are JSON-LD and, on stories, the site's own small script", async ({ page }) => {
    test.setTimeout(180_000);
    const loaded: string[] = [];
    page.on("request", (req) => {
      if (req.resourceType() === "script") loaded.push(new URL(req.url()).pathname);
    });
    const found: string[] = [];
    for (const p of PAGE_TYPES) {
      loaded.length = 0;
      const res = await page.goto(p.path, { waitUntil: "load" });
      const html = await res!.text();
      const tags = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => m[0]).filter((t) => !/type="application\/ld\+json"/.test(t) && !/src="\/js\/site\.js"[^>]*data-site-script/.test(t));
      found.push(...tags.map((t) => `${p.path} ${t}`), ...loaded.filter((s) => s !== "/js/site.js").map((s) => `${p.path} loads ${s}`));
      expect(html, p.path).not.toContain('rel="preload" as="script"');
    }
    expect(found).toEqual([]);
  });

  test("the copy-link button appears only once the site's script has found a clipboard", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(STORIES.news);
    await expect(page.getByRole("region", { name: "Tipsa en vän" }).getByRole("link", { name: /e-post/ })).toBeVisible();
    await expect(page.getByRole("button", { name: "Kopiera länk" })).toBeHidden();
    await context.close();
  });
});
