import { readFileSync } from "node:fs";
import { expect, request as playwrightRequest, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import pg from "pg";
import { startNginxProxy, type NginxProxy } from "./nginx-proxy";
import { PAGE_TYPES, signIn, STORIES } from "./support";
import { TEST_EDITOR } from "./test-accounts";

// The shipped reverse proxy (deploy/nginx/naringslivsnytt.conf, run by Debian's nginx) in front
// of the end-to-end site: what it caches and compresses, what it never stores, what it tells
// the app about the client, and above all that a publish shows through its cache within 2 s.
// Staff sign in on the site itself: its cookies and Origin checks are bound to SITE_URL.

test.describe.configure({ mode: "default" });

let proxy: NginxProxy;
let via: APIRequestContext; // requests through nginx
let site: string;

test.beforeAll(async ({}, testInfo) => {
  site = testInfo.project.use.baseURL!;
  proxy = await startNginxProxy({ appServer: new URL(site).host });
  via = await playwrightRequest.newContext({ baseURL: proxy.httpsUrl, ignoreHTTPSErrors: true });
});

test.afterAll(async () => {
  await via?.dispose();
  await proxy?.stop();
});

const cacheStatus = (res: APIResponse) => res.headers()["x-cache-status"];
const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, "") ?? "";
const unique = () => `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;

/** Asks through nginx until the answer comes from its cache (a miss first, or an entry older than its second). */
async function hit(path: string, headers: Record<string, string> = {}): Promise<APIResponse> {
  const seen: (string | undefined)[] = [];
  for (let i = 0; i < 10; i++) {
    const res = await via.get(path, { headers, maxRedirects: 0 });
    if (cacheStatus(res) === "HIT") return res;
    seen.push(cacheStatus(res));
  }
  throw new Error(`${path} never came from nginx's cache (X-Cache-Status: ${seen.join(", ")})`);
}

test("public pages come through with the app's content, gzipped, and then from the cache", async () => {
  for (const { path, h1: heading } of PAGE_TYPES.filter((p) => ["/", "/nyheter", STORIES.news, STORIES.interview, "/kommuner/lerum"].includes(p.path))) {
    const first = await via.get(path, { headers: { "Accept-Encoding": "gzip, br" } });
    expect(first.status(), path).toBe(200);
    expect(first.headers()["content-encoding"], path).toBe("gzip");
    expect(first.headers()["cache-control"], path).toMatch(/^public, max-age=0, s-maxage=1, stale-while-revalidate=\d+/);
    expect(first.headers()["strict-transport-security"], path).toBe("max-age=31536000");
    expect(h1(await first.text()), path).toMatch(heading);
    const again = await hit(path, { "Accept-Encoding": "gzip, br" });
    expect(again.headers()["content-encoding"], path).toBe("gzip");
    expect(h1(await again.text()), path).toMatch(heading);
  }
  // Feeds and sitemaps are cached the same way.
  for (const path of ["/feed.xml", "/sitemap.xml", "/robots.txt"]) expect((await hit(path)).status(), path).toBe(200);
  // A client that cannot take gzip gets the stored (compressed) page unpacked.
  const plain = await hit(STORIES.news, { "Accept-Encoding": "identity" });
  expect(plain.headers()["content-encoding"]).toBeUndefined();
  expect(h1(await plain.text())).toMatch(/Lerum/);
});

test("an RSC payload is never served for an HTML request, nor HTML for an RSC request", async () => {
  // Next redirects an RSC request without `_rsc` to one with it; that 307 has no Vary header.
  const redirect = await hit("/intervjuer", { rsc: "1" });
  expect(redirect.status()).toBe(307);
  expect(redirect.headers().location).toBe("/intervjuer?_rsc");
  const page = await via.get("/intervjuer", { maxRedirects: 0 });
  expect(page.status()).toBe(200);
  expect(page.headers()["content-type"]).toMatch(/^text\/html/);

  // The same URL, stored as RSC first, then asked for as HTML...
  expect((await hit("/natverk?_rsc", { rsc: "1" })).headers()["content-type"]).toBe("text/x-component");
  const html = await via.get("/natverk?_rsc");
  expect(html.headers()["content-type"]).toMatch(/^text\/html/);
  expect(h1(await html.text())).toMatch(/Nätverk och program/);
  // ...and stored as HTML first, then asked for as RSC.
  expect((await hit("/amnen?_rsc")).headers()["content-type"]).toMatch(/^text\/html/);
  expect((await via.get("/amnen?_rsc", { headers: { rsc: "1" } })).headers()["content-type"]).toBe("text/x-component");
});

test("the newsroom, sign-in and password pages are never cached", async () => {
  for (const [path, status] of [["/admin", 307], ["/admin/artiklar", 307], ["/logga-in", 200], ["/glomt-losenord", 200]] as const) {
    for (let i = 0; i < 3; i++) {
      const res = await via.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(status);
      expect(cacheStatus(res), path).toBeUndefined();
      expect(res.headers()["cache-control"], path).toBe("private, no-store");
      if (status === 307) expect(res.headers().location, path).toBe("/logga-in");
    }
  }
});

test("a request with a staff session or the preview cookie bypasses the cache and is not stored", async () => {
  for (const cookie of ["better-auth.session_token=abc.def", "__Secure-better-auth.session_token=abc.def", "theme=dark; better-auth.session_token=abc.def", "__prerender_bypass=abc"]) {
    const path = `/om?prov=${unique()}`;
    for (let i = 0; i < 2; i++) expect(cacheStatus(await via.get(path, { headers: { cookie } })), cookie).toBe("BYPASS");
    // Nothing was stored for the address: the first anonymous request is a miss.
    expect(cacheStatus(await via.get(path)), cookie).toBe("MISS");
  }
  // Any other cookie is no reason to bypass.
  const path = `/om?prov=${unique()}`;
  expect(cacheStatus(await via.get(path, { headers: { cookie: "theme=dark" } }))).toBe("MISS");
  await hit(path, { cookie: "theme=dark" });
});

test("the scheduler's internal route cannot be reached from outside", async () => {
  expect((await via.post("/api/intern/schemalaggare")).status()).toBe(404);
});

test("the health check passes straight through, uncached", async () => {
  for (let i = 0; i < 2; i++) {
    const res = await via.get("/api/halsa");
    expect(res.status()).toBe(200);
    expect(await res.json()).toEqual({ status: "ok" });
    expect(res.headers()["cache-control"]).toBe("private, no-store");
    expect(cacheStatus(res)).toBeUndefined();
  }
});

test("the app sees the client's address as nginx saw it, never the X-Forwarded-For a client sent", async () => {
  // A failed sign-in records the address the app believes in (lib/client-address.mjs).
  const viaProxy = `xff-proxy-${unique()}@test.local`;
  const direct = `xff-direct-${unique()}@test.local`;
  const spoofed = { origin: site, "x-forwarded-for": "203.0.113.7", "x-real-ip": "203.0.113.8" };
  const data = (email: string) => ({ email, password: "ett-felaktigt-losenord" });
  expect((await via.post("/api/auth/sign-in/email", { data: data(viaProxy), headers: spoofed })).status()).toBe(401);
  const directRequest = await playwrightRequest.newContext({ baseURL: site });
  expect((await directRequest.post("/api/auth/sign-in/email", { data: data(direct), headers: spoofed })).status()).toBe(401);
  await directRequest.dispose();

  const client = new pg.Client({ connectionString: readFileSync(".data/e2e-db-url", "utf8") });
  await client.connect();
  try {
    const { rows } = await client.query<{ email: string; ip: string }>("SELECT email, ip FROM sign_in_attempt WHERE email = ANY($1)", [[viaProxy, direct]]);
    const ipOf = Object.fromEntries(rows.map((r) => [r.email, r.ip]));
    // The test site names no TRUSTED_PROXIES: the socket's address counts, whatever was sent
    // (directly) and whatever nginx passed on (a proxy the app was not told to trust).
    expect(ipOf[direct]).toBe("127.0.0.1");
    expect(ipOf[viaProxy]).toBe("127.0.0.1");
  } finally {
    await client.end();
  }
});

test("plain http is sent to https", async () => {
  const res = await via.get(`${proxy.httpUrl}/nyheter?sida=2`, { maxRedirects: 0 });
  expect(res.status()).toBe(301);
  expect(res.headers().location).toBe("https://127.0.0.1/nyheter?sida=2");
});

test("hashed assets and media files are immutable and kept by nginx", async () => {
  const html = await (await via.get("/")).text();
  // Public pages carry no scripts of Next's (decision 027): their stylesheet is the hashed asset.
  const script = /<link rel="stylesheet" href="(\/_next\/static\/[^"]+\.css)"/.exec(html)?.[1];
  const image = /\/_next\/image\?url=(%2Fmedia%2F[0-9a-f]+\.webp)/.exec(html)?.[1];
  expect(script).toBeTruthy();
  expect(image).toBeTruthy();
  for (const path of [script!, decodeURIComponent(image!)]) {
    const res = await hit(path, { "Accept-Encoding": "gzip" });
    expect(res.status(), path).toBe(200);
    expect(res.headers()["cache-control"], path).toMatch(/^public, max-age=31536000, immutable$/);
  }
  expect((await hit(script!, { "Accept-Encoding": "gzip" })).headers()["content-encoding"]).toBe("gzip");
});

test("a publish shows through the proxy within two seconds, and to the first reader after a quiet spell", async ({ page, context }) => {
  test.setTimeout(150_000);
  page.on("dialog", (d) => void d.accept());
  const stamp = unique();
  const lead = (n: number) => `Ingressen i version ${n}, prov ${stamp}.`;
  const saveLead = async (text: string) => {
    await page.getByLabel("Ingress").fill(text);
    await page.getByRole("button", { name: "Spara och publicera ändringarna" }).click();
    await expect(page.getByText("Ändringarna är publicerade.")).toBeVisible();
    return Date.now();
  };

  // A story of its own, so no other test depends on what changes.
  await signIn(page, TEST_EDITOR.email, TEST_EDITOR.password);
  await page.goto("/admin/artiklar/ny");
  await page.getByRole("textbox", { name: /^Rubrik/ }).fill(`Proxyprovet ${stamp}`);
  await page.getByLabel("Ingress").fill(lead(1));
  await page.getByRole("textbox", { name: "Brödtext" }).fill("En nyhet som bara finns för att prova cachen framför webbplatsen.");
  await page.getByRole("button", { name: "Spara", exact: true }).click();
  await expect(page).toHaveURL(/\/admin\/artiklar\/[0-9a-f-]{36}$/);
  await expect(page.getByText(/^Artikeln är sparad/)).toBeVisible();
  await page.getByRole("button", { name: "Publicera nu" }).click();
  await expect(page.getByText("Artikeln är publicerad.")).toBeVisible();
  const path = `/nyheter/${await page.getByLabel("Adress (slug)").inputValue()}`;

  // The published page is in nginx's cache; the editor's own requests bypass it.
  const cached = await hit(path);
  expect(await cached.text()).toContain(lead(1));
  const session = (await context.cookies()).find((c) => c.name.endsWith("better-auth.session_token"));
  expect(session).toBeDefined();
  expect(cacheStatus(await via.get(path, { headers: { cookie: `${session!.name}=${session!.value}` } }))).toBe("BYPASS");

  await test.step("a reader asking every 100 ms sees the change within 2 s", async () => {
    // Served from the cache, with the old text, right before the save.
    expect(await (await hit(path)).text()).toContain(lead(1));
    const saved = await saveLead(lead(2));
    const statuses: string[] = [];
    let shown = false;
    while (!shown && Date.now() - saved < 15_000) {
      const asked = Date.now() - saved;
      const res = await via.get(path);
      statuses.push(`${asked}–${Date.now() - saved} ms ${cacheStatus(res)}`);
      shown = (await res.text()).includes(lead(2));
      if (!shown) await new Promise((r) => setTimeout(r, 100));
    }
    const took = Date.now() - saved;
    // nginx's own view of the last requests: its verdict, and how long each took (rt).
    const log = readFileSync(proxy.accessLog, "utf8").split("\n").filter((l) => l.includes(`GET ${path} `)).slice(-4).map((l) => /cache=\S+ rt=\S+/.exec(l)?.[0]);
    test.info().annotations.push({ type: "publish through nginx", description: `${took} ms: ${statuses.join(", ")} (log: ${log.join(", ")})` });
    expect(shown, `the change never showed through nginx: ${statuses.join(", ")}`).toBe(true);
    expect(took, statuses.join(", ")).toBeLessThan(2000);
    // And the new version is what the cache keeps.
    expect(await (await hit(path)).text()).toContain(lead(2));
  });

  await test.step("after a quiet spell, the first reader gets the change, never a stale page", async () => {
    // Past s-maxage plus stale-while-revalidate nginx must fetch the page, not serve what it has.
    const cacheControl = cached.headers()["cache-control"]!;
    const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(cacheControl)![1]);
    const quiet = (seconds("s-maxage") + seconds("stale-while-revalidate") + 1) * 1000;
    const since = Date.now();
    await page.getByLabel("Ingress").fill(lead(3));
    await page.waitForTimeout(quiet - (Date.now() - since));
    await saveLead(lead(3));
    const first = await via.get(path);
    expect(cacheStatus(first)).toBe("EXPIRED");
    expect(await first.text()).toContain(lead(3));
  });

  await page.getByRole("button", { name: "Avpublicera" }).click();
  await expect(page.getByText("Artikeln är avpublicerad")).toBeVisible();
});
