import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module, loaded by Next without compiling
import CacheHandler from "./cache-handler.mjs";
// @ts-expect-error plain JavaScript module
import { FastPath } from "./fast-path.mjs";

// The fast path in front of a stand-in for Next that answers the way Next answers a stored
// page (x-nextjs-cache, public Cache-Control) and stores it in the real cache handler, as
// Next's render does. It counts what reaches it: everything the fast path does not answer.

type Handler = { set(key: string, value: unknown, ctx?: object): Promise<void>; revalidateTag(tags: string[]): Promise<void> };
const handler = new CacheHandler() as Handler;
let reachedNext: string[] = [];
let version = 1;
let base = "";
let server: http.Server;

const routeKey = (path: string) => `/route-cache/APP_PAGE/test/$${path === "/" ? "/index" : path}`;

beforeAll(async () => {
  const fast = new FastPath();
  server = http.createServer(async (req, res) => {
    if (fast.serve(req, res)) return;
    fast.watch(req, res);
    reachedNext.push(`${req.method} ${req.url}`);
    const path = (req.url ?? "/").split("?")[0]!;
    const status = path.includes("finns-inte") ? 404 : 200;
    const html = `<h1>${path} v${version}</h1>`;
    await handler.set(routeKey(path), { kind: "APP_PAGE", html, rscData: Buffer.from(""), status, headers: { "x-next-cache-tags": `story:${path.slice(1)}` }, segmentData: new Map() });
    res.writeHead(status, { "content-type": "text/html; charset=utf-8", "cache-control": "public, max-age=0, s-maxage=1", "x-nextjs-cache": "MISS" });
    res.write(html.slice(0, 5));
    res.end(html.slice(5));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => server.close(() => r())));

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(base + path, { headers });
  return { status: res.status, body: await res.text(), cache: res.headers.get("x-nextjs-cache"), etag: res.headers.get("etag") };
}

describe("the fast path for stored pages", () => {
  it("answers a repeated request with the bytes Next sent, without asking Next", async () => {
    reachedNext = [];
    const first = await get("/nyheter/a");
    const second = await get("/nyheter/a");
    expect(second).toMatchObject({ status: 200, body: first.body, cache: "HIT" });
    expect(reachedNext).toEqual(["GET /nyheter/a"]);
  });

  it("goes back to Next once a tag of the page is invalidated", async () => {
    await get("/nyheter/b");
    version++;
    await new Promise((r) => setTimeout(r, 2));
    await handler.revalidateTag(["story:nyheter/b"]);
    reachedNext = [];
    expect((await get("/nyheter/b")).body).toContain(`v${version}`);
    expect(reachedNext).toEqual(["GET /nyheter/b"]);
  });

  it("leaves to Next what could be answered differently", async () => {
    await get("/nyheter/c");
    // Another cookie changes nothing about a public page.
    expect((await get("/nyheter/c", { cookie: "better-auth.session_token=x" })).cache).toBe("HIT");
    reachedNext = [];
    await get("/nyheter/c?x=1");
    await get("/nyheter/c", { rsc: "1" });
    await get("/nyheter/c", { "next-router-prefetch": "1" });
    await get("/nyheter/c", { cookie: "a=1; __prerender_bypass=secret" });
    await fetch(base + "/nyheter/c", { method: "POST" });
    expect(reachedNext).toEqual(["GET /nyheter/c?x=1", "GET /nyheter/c", "GET /nyheter/c", "GET /nyheter/c", "POST /nyheter/c"]);
  });

  it("keeps a copy per accepted encoding", async () => {
    await get("/nyheter/d", { "accept-encoding": "identity" });
    reachedNext = [];
    await get("/nyheter/d", { "accept-encoding": "gzip" });
    await get("/nyheter/d", { "accept-encoding": "gzip" });
    expect(reachedNext).toEqual(["GET /nyheter/d"]);
  });

  it("answers 304 to a browser that has the page", async () => {
    await get("/nyheter/e");
    const { etag } = await get("/nyheter/e");
    const res = await fetch(base + "/nyheter/e", { headers: { "if-none-match": etag! } });
    expect(res.status).toBe(304);
  });

  it("replays 404s of made-up addresses too", async () => {
    await get("/nyheter/finns-inte");
    reachedNext = [];
    expect(await get("/nyheter/finns-inte")).toMatchObject({ status: 404, cache: "HIT" });
    expect(reachedNext).toEqual([]);
  });
});
