import { beforeEach, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript module, loaded by Next without compiling
import CacheHandler from "./cache-handler.mjs";
// @ts-expect-error plain JavaScript module
import { decodeEntry, encodeEntry, entrySize } from "./entry.mjs";
// @ts-expect-error plain JavaScript module
import { LruStore } from "./lru-store.mjs";

type Handler = {
  get(key: string, ctx?: object): Promise<{ lastModified: number; value: unknown } | null>;
  set(key: string, value: unknown, ctx?: object): Promise<void>;
  revalidateTag(tags: string | string[], durations?: object): Promise<void>;
};

const page = (tags: string[], status = 200, html = "<html>…</html>") => ({
  kind: "APP_PAGE",
  html,
  rscData: Buffer.from("rsc"),
  status,
  headers: { "x-next-cache-tags": tags.join(",") },
  segmentData: new Map([["/_index", Buffer.from("seg")]]),
});

const tick = () => new Promise((r) => setTimeout(r, 2));

let handler: Handler;
let n = 0;
let prefix = "";

beforeEach(() => {
  handler = new CacheHandler() as Handler;
  prefix = `/t${++n}`; // one process-wide store: each test uses keys of its own
});

describe("the page cache handler (one process, no Redis)", () => {
  it("serves a stored page until a tag it carries is invalidated", async () => {
    await handler.get(`${prefix}/a`);
    await handler.set(`${prefix}/a`, page(["story:a", "stories"]));
    expect((await handler.get(`${prefix}/a`))?.value).toMatchObject({ kind: "APP_PAGE", status: 200 });
    await tick();
    await handler.revalidateTag(["org:other"]);
    expect(await handler.get(`${prefix}/a`)).not.toBeNull();
    await tick();
    await handler.revalidateTag("stories", { expire: 0 });
    expect(await handler.get(`${prefix}/a`)).toBeNull();
  });

  it("checks data entries against the tags Next asks with, too", async () => {
    const data = { kind: "FETCH", data: { headers: {}, body: "{}", url: "" }, revalidate: false };
    await handler.get(`${prefix}/d`, { kind: "FETCH", tags: ["topic:x"] });
    await handler.set(`${prefix}/d`, data, { fetchCache: true, tags: ["topic:x"] });
    expect(await handler.get(`${prefix}/d`, { kind: "FETCH", tags: ["topic:x"] })).not.toBeNull();
    await tick();
    await handler.revalidateTag("topic:x");
    expect(await handler.get(`${prefix}/d`, { kind: "FETCH", tags: ["topic:x"] })).toBeNull();
  });

  it("counts a render that began before an invalidation as older than it", async () => {
    // The miss that starts the render…
    expect(await handler.get(`${prefix}/race`)).toBeNull();
    await tick();
    // …a publish while it renders…
    await handler.revalidateTag("story:race");
    await tick();
    // …and the render, made from the old data, is stored after it.
    await handler.set(`${prefix}/race`, page(["story:race"]));
    expect(await handler.get(`${prefix}/race`)).toBeNull();
  });

  it("keeps 404 pages and redirects apart, so a flood of made-up slugs cannot push real pages out", async () => {
    await handler.set(`${prefix}/real`, page(["story:real"]));
    // 5 000 pages of 20 kB: more than the whole memory budget for pages.
    const body = "x".repeat(20_000);
    for (let i = 0; i < 5000; i++) await handler.set(`${prefix}/nyheter/finns-inte-${i}`, page([`story:finns-inte-${i}`], 404, body));
    // A trailing slash on made-up addresses answers 308 (an imported site's old address, or not).
    for (let i = 0; i < 5000; i++) await handler.set(`${prefix}/_gammal-adress/snedstreck/x${i}`, page(["old-addresses"], 308, body));
    expect(await handler.get(`${prefix}/real`)).not.toBeNull();
    // The newest are kept, the oldest forgotten: the 404 store has a fixed size.
    expect(await handler.get(`${prefix}/_gammal-adress/snedstreck/x4999`)).not.toBeNull();
    expect(await handler.get(`${prefix}/nyheter/finns-inte-0`)).toBeNull();
  });

  it("forgets a stored 404 when the story of that address is published", async () => {
    await handler.get(`${prefix}/nyheter/kommande`);
    await handler.set(`${prefix}/nyheter/kommande`, page(["story:kommande"], 404));
    expect(await handler.get(`${prefix}/nyheter/kommande`)).not.toBeNull();
    await tick();
    await handler.revalidateTag(["story:kommande", "stories"]);
    expect(await handler.get(`${prefix}/nyheter/kommande`)).toBeNull();
  });
});

describe("the encoding of entries for Redis", () => {
  // What Redis hands back: the bytes that were stored.
  const roundTrip = (entry: object) => decodeEntry(Buffer.from(encodeEntry(entry), "utf8"));
  const bytes = Buffer.from([0, 1, 2, 0x7f, 0x80, 0xfe, 0xff, ...Buffer.from("1:\"$Sreact.fragment\"\nå")]);

  it("keeps a page's payloads as Buffers, byte for byte, and its segments as a Map", () => {
    const entry = {
      lastModified: 1_796_000_000_123,
      cacheControl: { revalidate: false, expire: undefined },
      value: {
        kind: "APP_PAGE",
        html: "<!DOCTYPE html><p>Företagsklimat i Lerum – ”nu”</p>",
        rscData: bytes,
        status: 200,
        postponed: undefined,
        headers: { "x-next-cache-tags": "story:a,stories", "x-nextjs-stale-time": "300" },
        segmentData: new Map([
          ["/_tree", Buffer.from("tree")],
          ["/_index", bytes],
        ]),
      },
    };
    const back = roundTrip(entry);
    expect(back.value.rscData).toBeInstanceOf(Buffer);
    expect(back.value.rscData.equals(bytes)).toBe(true);
    expect(back.value.segmentData).toBeInstanceOf(Map);
    expect([...back.value.segmentData.keys()]).toEqual(["/_tree", "/_index"]);
    expect(back.value.segmentData.get("/_index").equals(bytes)).toBe(true);
    expect(back).toEqual(entry);
    expect(entrySize(back)).toBe(entrySize(entry));
  });

  it("keeps a page without an RSC payload or segments as it was", () => {
    const entry = { lastModified: 1, value: { kind: "APP_PAGE", html: "<p>404</p>", status: 404, headers: {} } };
    expect(roundTrip(entry)).toEqual(entry);
  });

  it("keeps a route handler's body (a feed, an image) as a Buffer, byte for byte", () => {
    const entry = { lastModified: 2, cacheControl: { revalidate: 3600 }, value: { kind: "APP_ROUTE", body: bytes, status: 200, headers: { "content-type": "application/rss+xml" } } };
    const back = roundTrip(entry);
    expect(back.value.body).toBeInstanceOf(Buffer);
    expect(back.value.body.equals(bytes)).toBe(true);
    expect(back).toEqual(entry);
  });

  it("keeps cached data and its tags", () => {
    const entry = { lastModified: 3, tags: ["topic:x", "stories"], value: { kind: "FETCH", data: { headers: {}, body: '{"titel":"Å"}', url: "" }, revalidate: false, tags: ["topic:x"] } };
    expect(roundTrip(entry)).toEqual(entry);
  });
});

describe("LruStore", () => {
  it("evicts the least recently used entries beyond its byte budget", () => {
    const store = new LruStore({ maxBytes: 300 });
    store.set("a", 1, 100);
    store.set("b", 2, 100);
    store.set("c", 3, 100);
    store.get("a"); // a is now the most recently used
    store.set("d", 4, 100);
    expect(store.get("b")).toBeUndefined();
    expect([store.get("a"), store.get("c"), store.get("d")]).toEqual([1, 3, 4]);
    expect(store.bytes).toBe(300);
  });

  it("never keeps an entry larger than the whole budget", () => {
    const store = new LruStore({ maxBytes: 100 });
    store.set("big", 1, 101);
    expect(store.size).toBe(0);
    expect(store.bytes).toBe(0);
  });
});
