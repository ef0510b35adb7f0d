import { expect, test, type APIRequestContext } from "@playwright/test";
import { PAGE_TYPES, STORIES } from "./support";

// Public pages are stored pages (decision 012): rendered at their first request, then served
// from the cache until a publish invalidates them, and marked so that a proxy or CDN may keep
// them for a second. Everything that depends on a session is private.

const STORED = [
  ...PAGE_TYPES.filter((p) => !p.path.includes("?")).map((p) => p.path),
  "/feed.xml",
  "/atom.xml",
  "/kommuner/lerum/feed.xml",
  "/amnen/foretagsklimat/atom.xml",
  "/robots.txt",
  "/sitemap.xml",
  "/sitemaps/sidor.xml",
  "/sitemaps/artiklar-1.xml",
  `/og/intervju/${STORIES.interview.split("/").pop()}`,
];

/** Asks until the answer comes from the cache: other tests publish meanwhile, which invalidates lists. */
async function cachedAnswer(request: APIRequestContext, path: string) {
  for (let i = 0; i < 5; i++) {
    const res = await request.get(path, { maxRedirects: 0 });
    if (res.headers()["x-nextjs-cache"] === "HIT") return res;
  }
  throw new Error(`${path} never came from the cache`);
}

test("every public page type is served from the cache, and shared caches may keep it", async ({ request }) => {
  for (const path of STORED) {
    const res = await cachedAnswer(request, path);
    expect(res.status(), path).toBe(path.includes("finns-inte") ? 404 : 200);
    // An address no route matches is stored too, but Next marks its 404 private; proxies then
    // pass junk addresses through, which the app's own 404 store absorbs.
    const shared = path === "/finns-inte-alls" ? /^private, no-cache, no-store/ : /^public, max-age=0, s-maxage=1, stale-while-revalidate=\d+/;
    expect(res.headers()["cache-control"], path).toMatch(shared);
    expect(res.headers()["set-cookie"], path).toBeUndefined();
  }
});

test("a stored page answers 304 to a browser that has it", async ({ request }) => {
  const first = await cachedAnswer(request, STORIES.news);
  const etag = first.headers()["etag"];
  expect(etag).toBeTruthy();
  const again = await request.get(STORIES.news, { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
});

test("an unknown address answers 404 with the whole page in the server's HTML", async ({ request }) => {
  for (const path of ["/nyheter/finns-inte", "/intervjuer/finns-inte", "/kommuner/finns-inte", "/amnen/finns-inte", "/nyheter/sida/999", "/om/finns-inte", "/finns-inte-alls"]) {
    const res = await request.get(path);
    expect(res.status(), path).toBe(404);
    // What a crawler or a browser without JavaScript sees: the HTML without its scripts.
    const html = (await res.text()).replace(/<script[\s\S]*?<\/script>/g, "");
    expect(html, path).toMatch(/<header[\s>]/);
    expect(html, path).toMatch(/<main[^>]*id="innehall"/);
    expect(html, path).toMatch(/<h1[^>]*>Sidan finns inte<\/h1>/);
    expect(html, path).toContain('href="/"');
    expect(html, path).toMatch(/<footer[\s>]/);
  }
});

test("the newsroom, sign-in and previews are never stored by anyone", async ({ request }) => {
  for (const path of ["/admin", "/admin/artiklar", "/logga-in", "/api/halsa"]) {
    const res = await request.get(path, { maxRedirects: 0 });
    expect(res.headers()["cache-control"], path).toMatch(/(private, )?no-store/);
    expect(res.headers()["x-nextjs-cache"], path).toBeUndefined();
  }
  // A form with nobody's data in it may be stored by the server, but by no one else.
  expect((await request.get("/glomt-losenord")).headers()["cache-control"]).toBe("private, no-store");
  // With the preview (draft mode) cookie, even a public address is private.
  const preview = await request.get(STORIES.news, { headers: { cookie: "__prerender_bypass=x" } });
  expect(preview.headers()["cache-control"]).toBe("private, no-store");
});

test("hashed assets are immutable", async ({ page, request }) => {
  // A public page's stylesheet, and a script of the newsroom's (public pages carry none, decision 027).
  await page.goto("/");
  const stylesheet = await page.locator('link[rel="stylesheet"][href^="/_next/static/"]').first().getAttribute("href");
  await page.goto("/logga-in");
  const script = await page.locator('script[src^="/_next/static/"]').first().getAttribute("src");
  for (const asset of [stylesheet!, script!]) {
    const res = await request.get(asset);
    expect(res.headers()["cache-control"], asset).toBe("public, max-age=31536000, immutable");
  }
});

test("search with a query is made per request; without one it is a stored page", async ({ request }) => {
  const searched = await request.get("/sok?q=f%C3%B6retagsklimat");
  expect(searched.status()).toBe(200);
  expect(searched.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(await searched.text()).toContain("Sökresultat");
  await cachedAnswer(request, "/sok");
});
