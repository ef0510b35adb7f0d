import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { listArchive } from "@/lib/db/archive";
import { searchStories, suggestQuery } from "@/lib/db/search";
import { listStoryChunks, storySitemapStats, streamStoryChunk } from "@/lib/db/sitemap";
import { listFeedStories, listPublishedStories } from "@/lib/db/stories";
import { generateData } from "@/scripts/lib/generate-data";
import { captureQueries } from "../setup/capture-queries";

// The data functions behind search, archives, feeds and sitemaps on 100 000 stories over 290
// municipalities: they must use their indexes and page without reading everything.
const STORIES = 100_000;
let client: pg.Client;

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; Plans?: PlanNode[] };
function walk(node: PlanNode, out: PlanNode[] = []): PlanNode[] {
  out.push(node);
  for (const child of node.Plans ?? []) walk(child, out);
  return out;
}

async function plan(sql: string, params: unknown[] = []): Promise<PlanNode[]> {
  const res = await client.query<{ "QUERY PLAN": [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${sql}`, params);
  return walk(res.rows[0]!["QUERY PLAN"][0].Plan);
}

/** The plan of every SELECT a data function sends. */
async function plansOf(fn: () => Promise<unknown>): Promise<PlanNode[][]> {
  const { queries } = await captureQueries(fn);
  expect(queries.length).toBeGreaterThan(0);
  return Promise.all(queries.map((q) => plan(q.sql, q.params)));
}

const seqScansOnStory = (nodes: PlanNode[]) => nodes.filter((n) => n["Node Type"] === "Seq Scan" && n["Relation Name"] === "story");
const usesIndex = (nodes: PlanNode[], name: RegExp) => nodes.some((n) => n["Index Name"] && name.test(n["Index Name"]));

// Generating 100 000 stories takes ~32 s on a quiet 2-core machine (docs/performance.md) and up
// to ~3× that while the rest of the suite shares the cores; 5 minutes leaves room for both, and
// a time-out here fails the run (scripts/lib/test-summary.ts counts the suite).
beforeAll(async () => {
  await generateData(process.env.DATABASE_URL!, { stories: STORIES });
  client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
}, 300_000);

afterAll(async () => {
  await client.end();
});

describe("at 100 000 stories", () => {
  it("generated the data set deterministically", async () => {
    const { rows } = await client.query<{ n: string; orgs: string; counties: string }>(
      `SELECT (SELECT count(*) FROM story) AS n, (SELECT count(*) FROM organisation WHERE kind = 'MUNICIPALITY') AS orgs,
              (SELECT count(DISTINCT county) FROM organisation) AS counties`,
    );
    expect(rows[0]).toEqual({ n: String(STORIES), orgs: "290", counties: "21" });
    const { rows: one } = await client.query(`SELECT title, published_at FROM story WHERE slug = 'genererad-12345'`);
    expect(one[0].title).toBe("Infrastruktur och arbetsmarknad i Genkommun 166");
  });

  it("searches through the GIN index and ranks only the matches", async () => {
    // One municipality's number is a rare word (about 1 story in 290), as most real queries are.
    const plans = await plansOf(() => searchStories({ q: "166 kemiindustrin", filters: {}, sort: "relevance", page: 1, pageSize: 12 }));
    expect(plans.length).toBeGreaterThanOrEqual(2); // the page of results, and facets with the total
    for (const nodes of plans) {
      expect(usesIndex(nodes, /story_search_idx/)).toBe(true);
      expect(seqScansOnStory(nodes)).toEqual([]);
    }
  });

  it("lists, pages and scopes stories through indexes", async () => {
    for (const fn of <(() => Promise<unknown>)[]>[
      () => listPublishedStories({ page: 1, pageSize: 12 }),
      () => listPublishedStories({ page: 40, pageSize: 12, kind: "INTERVIEW" }),
      () => listPublishedStories({ page: 2, pageSize: 12, scope: { organisation: "genkommun-17" } }),
      () => listFeedStories({ topic: "genamne-3" }),
    ]) {
      const { queries } = await captureQueries(fn);
      // The page itself (ORDER BY … LIMIT) must come from an index. Counting an unscoped list
      // reads most of the table, where a sequential scan is the right plan.
      const pageQueries = queries.filter((q) => /ORDER BY/i.test(q.sql) && /LIMIT/i.test(q.sql) && /FROM "public"\."story"/i.test(q.sql));
      expect(pageQueries.length).toBeGreaterThan(0);
      for (const q of pageQueries) expect(seqScansOnStory(await plan(q.sql, q.params))).toEqual([]);
    }
  });

  it("builds year archives and offers suggestions with indexes", async () => {
    const archive = await listArchive({ organisation: "genkommun-5" });
    expect(archive.length).toBeGreaterThan(10);
    expect(archive[0]!.year).toBeGreaterThan(archive[1]!.year);
    const nodes = (await plansOf(() => suggestQuery("kemiindustirn"))).flat();
    expect(usesIndex(nodes, /story_title_trgm_idx/)).toBe(true);
    expect(seqScansOnStory(nodes)).toEqual([]);
    expect(await suggestQuery("kemiindustirn")).toBe("kemiindustrin");
  });

  it("splits the sitemap at the split size and streams each file in bounded batches", async () => {
    const { count } = await storySitemapStats();
    expect(count).toBe(STORIES - STORIES / 50);
    const chunks = await listStoryChunks(50_000);
    expect(chunks.map((c) => c.index)).toEqual([1, 2]);
    let urls = 0;
    const seen = new Set<string>();
    for (const chunk of chunks) {
      for await (const batch of streamStoryChunk(chunk.index, 50_000, 5_000)) {
        expect(batch.length).toBeLessThanOrEqual(5_000);
        urls += batch.length;
        for (const s of batch) seen.add(s.slug);
      }
    }
    expect(urls).toBe(count);
    expect(seen.size).toBe(count);
    // The queries streamStoryChunk really sends (the chunk's start, then keyset batches) use indexes.
    const plans = await plansOf(async () => {
      for await (const batch of streamStoryChunk(2, 50_000, 20_000)) expect(batch.length).toBeGreaterThan(0);
    });
    expect(plans.length).toBeGreaterThanOrEqual(3);
    for (const nodes of plans) expect(seqScansOnStory(nodes)).toEqual([]);
  });
});
