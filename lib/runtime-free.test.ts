import http from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module, loaded by server.mjs without compiling
import { mayBeStoredPage, stripRuntime, withoutRuntime } from "./runtime-free.mjs";

// Public pages without the React runtime (decision 027): what is taken out of the HTML, which
// requests it applies to, and the response server.mjs sends, in front of a stand-in for Next
// that answers as Next does (a header call or implicit headers, chunks, uncompressed).

const PAGE = [
  '<!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"/>',
  '<link rel="stylesheet" href="/_next/static/chunks/a.css" data-precedence="next"/>',
  '<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/b.js"/>',
  '<link rel="preload" href="/_next/static/media/inter.woff2" as="font" crossorigin="" type="font/woff2"/>',
  '<link rel="modulepreload" href="/_next/static/chunks/c.js"/>',
  '<script src="/_next/static/chunks/b.js" async=""></script>',
  `</head><body><h1>Lerum</h1><p>${"Näringslivet i Lerum växer. ".repeat(60)}</p>`,
  '<script type="application/ld+json">{"@type":"NewsArticle"}</script>',
  '<script src="/js/site.js" defer="" data-site-script=""></script>',
  '<script>self.__next_f.push([1,"\\u003cscript>x\\u003c/script>"])</script>',
  '<script id="_R_">self.__next_r="x"</script>',
  '<SCRIPT src="/_next/static/chunks/d.js" noModule=""></SCRIPT >',
  "</body></html>",
].join("");

describe("stripRuntime", () => {
  const out = stripRuntime(PAGE) as string;
  it("takes out Next's scripts and their preload hints", () => {
    expect(out).not.toMatch(/_next\/static\/chunks\/[bcd]\.js/);
    expect(out).not.toContain("__next_f");
    expect(out).not.toContain("__next_r");
    expect(out.match(/<script/gi)).toHaveLength(2);
  });
  it("keeps JSON-LD, the site's own script, styles, fonts and the content", () => {
    expect(out).toContain('<script type="application/ld+json">{"@type":"NewsArticle"}</script>');
    expect(out).toContain('<script src="/js/site.js" defer="" data-site-script=""></script>');
    expect(out).toContain('rel="stylesheet" href="/_next/static/chunks/a.css"');
    expect(out).toContain('as="font"');
    expect(out).toContain("<h1>Lerum</h1><p>Näringslivet");
    expect(out).toMatch(/<\/p><script type="application\/ld\+json">[^<]*<\/script><script src="\/js\/site\.js"[^>]*><\/script><\/body><\/html>$/);
  });
  it("leaves a page alone whose streamed parts React still has to put in place", () => {
    expect(stripRuntime(`${PAGE}<div hidden id="S:0"><p>later</p></div><script>$RC("B:0","S:0")</script>`)).toBeNull();
  });
});

describe("mayBeStoredPage", () => {
  const req = (url: string, method = "GET", headers: Record<string, string> = {}) => ({ url, method, headers });
  it("is a GET of a page address without Next's navigation headers", () => {
    expect(mayBeStoredPage(req("/"))).toBe(true);
    expect(mayBeStoredPage(req("/kommuner/lerum?sida=2"))).toBe(true);
    expect(mayBeStoredPage(req("/nyheter/en-artikel"))).toBe(true);
  });
  it("is not an asset, a file, an API, a private area, a POST, a HEAD or an RSC request", () => {
    for (const url of ["/_next/static/chunks/a.js", "/media/x/800.webp", "/rss.xml", "/robots.txt", "/api/halsa", "/admin", "/bevakning/x", "/logga-in"]) expect(mayBeStoredPage(req(url)), url).toBe(false);
    expect(mayBeStoredPage(req("/", "POST"))).toBe(false);
    expect(mayBeStoredPage(req("/", "HEAD"))).toBe(false);
    expect(mayBeStoredPage(req("/", "GET", { rsc: "1" }))).toBe(false);
  });
});

describe("withoutRuntime in front of a stand-in for Next", () => {
  let base = "";
  let server: http.Server;
  let sawEncoding: (string | undefined)[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      withoutRuntime(req, res);
      sawEncoding.push(req.headers["accept-encoding"]);
      const path = req.url ?? "/";
      if (path === "/privat") {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "private, no-store" });
        res.end(PAGE);
      } else if (path === "/finns-inte") {
        // Implicit headers and a status set on the response, as Next's 404 does.
        res.statusCode = 404;
        res.setHeader("content-type", "text/html; charset=utf-8");
        res.setHeader("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
        res.write(PAGE.slice(0, 100));
        res.end(PAGE.slice(100));
      } else if (path === "/inte-andrad") {
        res.writeHead(304, { etag: '"x"' });
        res.end();
      } else {
        res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, s-maxage=1", vary: "rsc" });
        for (let i = 0; i < PAGE.length; i += 300) res.write(PAGE.slice(i, i + 300));
        res.end();
      }
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const get = (path: string, encoding?: string) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      http.get(`${base}${path}`, { headers: encoding ? { "accept-encoding": encoding } : {} }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c)).on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on("error", reject);
    });

  it("sends a public page stripped and gzipped, with its length, and asks Next for it uncompressed", async () => {
    sawEncoding = [];
    const res = await get("/", "gzip, deflate, br");
    expect(sawEncoding).toEqual([undefined]);
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(res.headers["vary"]).toBe("rsc, Accept-Encoding");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    const html = gunzipSync(res.body).toString("utf8");
    expect(html).toBe(stripRuntime(PAGE));
  });

  it("sends it uncompressed to a client that does not take gzip", async () => {
    const res = await get("/");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString("utf8")).toBe(stripRuntime(PAGE));
  });

  it("strips a 404 answered with implicit headers, even marked no-store, and keeps its status", async () => {
    const res = await get("/finns-inte", "gzip");
    expect(res.status).toBe(404);
    expect(gunzipSync(res.body).toString("utf8")).toBe(stripRuntime(PAGE));
  });

  it("leaves a private page's scripts, and passes a 304 without a body", async () => {
    const res = await get("/privat", "gzip");
    expect(gunzipSync(res.body).toString("utf8")).toBe(PAGE);
    const notModified = await get("/inte-andrad", "gzip");
    expect(notModified.status).toBe(304);
    expect(notModified.body.length).toBe(0);
  });
});
