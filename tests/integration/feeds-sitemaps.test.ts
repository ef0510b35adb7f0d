import { execFileSync } from "node:child_process";
import { mkdtemp, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import Parser from "rss-parser";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { listEntityPages, listRecentStories, listStoryChunks, recordUpdatedAt, storySitemapStats, streamStoryChunk } from "@/lib/db/sitemap";
import { listFeedStories } from "@/lib/db/stories";
import { buildAtom, buildRss } from "@/lib/feeds";
import { newsSitemapXml, pagesSitemapXml, sitemapIndexXml, storySitemapStream } from "@/lib/sitemap";
import { createOrganisation, createTopic, createStory } from "../factories";

const SITE = "https://naringslivsnytt.example";
const XSD = path.resolve("tests/fixtures/xsd");
let dir: string;

/** Validates XML with xmllint against one of our XSDs: "valid", or xmllint's complaint. */
async function validate(xml: string, schema: string): Promise<string> {
  const file = path.join(dir, `${Math.random().toString(36).slice(2)}.xml`);
  await writeFile(file, xml);
  try {
    execFileSync("xmllint", ["--noout", "--schema", path.join(XSD, schema), file], { stdio: ["ignore", "pipe", "pipe"] });
    return "valid";
  } catch (err) {
    return String((err as { stderr: Buffer }).stderr);
  }
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "nn-xml-"));
  const lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  const topic = await createTopic(db(), { slug: "upphandling", name: "Upphandling" });
  for (let i = 1; i <= 7; i++) {
    await createStory(db(), { slug: `nyhet-${i}`, title: `Nyhet ${i} om R&D <och> "citat"`, publishedAt: new Date(Date.UTC(2024, 0, i, 7)), organisationIds: [lerum.id], topicIds: [topic.id], byline: "Redaktionen" });
  }
  await createStory(db(), { slug: "farsk", title: "Färsk nyhet", publishedAt: new Date(Date.now() - 3_600_000), organisationIds: [lerum.id] });
  await createStory(db(), { slug: "utkast", title: "Utkast", status: "DRAFT", publishedAt: null, organisationIds: [lerum.id] });
});

describe("feeds", () => {
  it("make an RSS 2.0 feed that a standard parser reads, with leads, authors, categories and dates", async () => {
    const items = await listFeedStories({ organisation: "lerum" });
    const xml = buildRss({ title: "Lerums kommun – Näringslivsnytt", description: "Nyheter", path: "/kommuner/lerum", selfPath: "/kommuner/lerum/feed.xml", items, emptySince: "" }, SITE, "Näringslivsnytt");
    const feed = await new Parser({ customFields: { item: ["dc:creator"] } }).parseString(xml);
    expect(feed.title).toBe("Lerums kommun – Näringslivsnytt");
    expect(feed.items).toHaveLength(8);
    expect(feed.items.map((i) => i.link)).not.toContain(`${SITE}/nyheter/utkast`);
    const first = feed.items[0]!;
    expect(first.link).toBe(`${SITE}/nyheter/farsk`);
    const old = feed.items.find((i) => i.link === `${SITE}/nyheter/nyhet-7`)!;
    expect(old.title).toBe('Nyhet 7 om R&D <och> "citat"');
    expect(old.contentSnippet).toMatch(/^Ingress till/);
    expect(old.categories).toEqual(expect.arrayContaining(["Upphandling", "Lerums kommun"]));
    expect(old.creator).toBe("Redaktionen");
    expect(new Date(old.pubDate!).toISOString()).toBe("2024-01-07T07:00:00.000Z");
  });

  it("make an Atom feed with ids, updated times and the feed's own address", async () => {
    const items = await listFeedStories({});
    const xml = buildAtom({ title: "Näringslivsnytt", description: "Alla nyheter", path: "/", selfPath: "/atom.xml", items, emptySince: "" }, SITE, "Näringslivsnytt");
    const feed = await new Parser().parseString(xml);
    expect(feed.items).toHaveLength(8);
    expect(feed.items[0]!.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(feed.items[0]!.link).toBe(`${SITE}/nyheter/farsk`);
    expect(xml).toContain(`<link rel="self" type="application/atom+xml" href="${SITE}/atom.xml"/>`);
    expect(xml).toMatch(/<updated>\d{4}-\d{2}-\d{2}T/);
  });

  it("give a feed without stories its page's own last change, not 1970", async () => {
    const empty = await createOrganisation(db(), { slug: "tyst", name: "Tysta kommun" });
    await db().organisation.update({ where: { id: empty.id }, data: { updatedAt: new Date("2025-03-04T05:06:07Z") } });
    const since = (await recordUpdatedAt("organisation", "tyst")).toISOString();
    expect(since).toBe("2025-03-04T05:06:07.000Z");
    const feed = { title: "Tysta kommun", description: "Nyheter", path: "/kommuner/tyst", selfPath: "/kommuner/tyst/atom.xml", items: [], emptySince: since };
    expect(buildAtom(feed, SITE, "Näringslivsnytt")).toContain("<updated>2025-03-04T05:06:07.000Z</updated>");
    const rss = await new Parser().parseString(buildRss(feed, SITE, "Näringslivsnytt"));
    expect(new Date(rss.lastBuildDate as string).toISOString()).toBe("2025-03-04T05:06:07.000Z");
    await db().organisation.delete({ where: { id: empty.id } });
  });

  it("drop a story the moment it is unpublished", async () => {
    await db().story.update({ where: { slug: "nyhet-1" }, data: { status: "ARCHIVED" } });
    const items = await listFeedStories({});
    expect(items.map((i) => i.slug)).not.toContain("nyhet-1");
    const { count } = await storySitemapStats();
    expect(count).toBe(7);
    await db().story.update({ where: { slug: "nyhet-1" }, data: { status: "PUBLISHED" } });
  });
});

describe("sitemaps", () => {
  it("split stories into files of the configured size, each valid against the sitemap schema", async () => {
    const chunks = await listStoryChunks(3);
    expect(chunks.map((c) => c.index)).toEqual([1, 2, 3]);
    const index = sitemapIndexXml(SITE, chunks, true, new Date().toISOString());
    expect(await validate(index, "siteindex.xsd")).toBe("valid");
    const urls: string[] = [];
    for (const c of chunks) {
      const xml = await text(storySitemapStream(SITE, streamStoryChunk(c.index, 3, 2)));
      expect(await validate(xml, "sitemap.xsd")).toBe("valid");
      urls.push(...[...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!));
    }
    expect(urls).toHaveLength(8);
    expect(new Set(urls).size).toBe(8);
    expect(urls[0]).toBe(`${SITE}/nyheter/nyhet-1`);
    expect(urls).not.toContain(`${SITE}/nyheter/utkast`);
    // Each file's lastmod is the newest change among its own stories.
    expect(chunks[0]!.lastmod).toBe("2024-01-03T07:00:00.000Z");
  });

  it("list entity pages and a Google News file of the last two days, both valid", async () => {
    const pages = pagesSitemapXml(SITE, await listEntityPages(), new Date());
    expect(await validate(pages, "sitemap.xsd")).toBe("valid");
    expect(pages).toContain(`${SITE}/kommuner/lerum`);
    expect(pages).toContain(`${SITE}/amnen/upphandling`);
    expect(pages).toContain(`<loc>${SITE}/personer</loc>`);
    expect(pages).toContain(`<loc>${SITE}/serier</loc>`);

    const recent = await listRecentStories(new Date(Date.now() - 2 * 86_400_000));
    expect(recent.map((s) => s.slug)).toEqual(["farsk"]);
    const news = newsSitemapXml(SITE, "Näringslivsnytt", recent);
    expect(await validate(news, "sitemap-news.xsd")).toBe("valid");
    expect(news).toContain("<news:title>Färsk nyhet</news:title>");
  });

  it("date an entity page by the newest of its record and its listed stories", async () => {
    const old = new Date("2020-01-01T00:00:00Z");
    await db().organisation.update({ where: { slug: "lerum" }, data: { updatedAt: old } });
    await db().topic.update({ where: { slug: "upphandling" }, data: { updatedAt: old } });
    const quiet = await createTopic(db(), { slug: "tystnad", name: "Tystnad" });
    await db().topic.update({ where: { id: quiet.id }, data: { updatedAt: old } });
    const lastmod = async (p: string) => (await listEntityPages()).find((e) => e.path === p)?.updated?.toISOString();
    const farsk = await db().story.findUniqueOrThrow({ where: { slug: "farsk" }, select: { publishedAt: true } });
    // Lerum lists "farsk", the newest story; the topic's newest listed story is nyhet-7; the quiet topic has none.
    expect(await lastmod("/kommuner/lerum")).toBe(farsk.publishedAt!.toISOString());
    expect(await lastmod("/amnen/upphandling")).toBe("2024-01-07T07:00:00.000Z");
    expect(await lastmod("/amnen/tystnad")).toBe(old.toISOString());
    // A draft does not move it; publishing it does.
    const when = new Date(Date.now() - 60_000);
    await db().story.update({ where: { slug: "utkast" }, data: { topics: { create: { topicId: quiet.id } } } });
    expect(await lastmod("/amnen/tystnad")).toBe(old.toISOString());
    await db().story.update({ where: { slug: "utkast" }, data: { status: "PUBLISHED", publishedAt: when } });
    expect(await lastmod("/amnen/tystnad")).toBe(when.toISOString());
    await db().story.update({ where: { slug: "utkast" }, data: { status: "DRAFT", publishedAt: null, topics: { deleteMany: {} } } });
  });

  it("the schema check itself rejects a broken sitemap", async () => {
    const broken = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><lastmod>igår</lastmod></url></urlset>`;
    expect(await validate(broken, "sitemap.xsd")).toMatch(/fails to validate/);
    const empty = `<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"></urlset>`;
    expect(await validate(empty, "sitemap.xsd")).toMatch(/fails to validate/);
  });
});
