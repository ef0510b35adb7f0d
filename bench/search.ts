// Search benchmark: `npm run bench:search`. Builds a throwaway database with the
// deterministic 100 000-story data set, then times the data functions behind /sok, the
// archives, feeds and sitemaps (not HTTP): p50 and p95 over repeated runs of each query.
// Results go in docs/performance.md.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { generateData } from "@/scripts/lib/generate-data";
import { freePort } from "@/tests/setup/free-port";

const RUNS = Number(process.env.BENCH_RUNS ?? 50);
const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);

const dir = await mkdtemp(path.join(os.tmpdir(), "nn-bench-"));
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
process.env.DATABASE_URL = pg.url;

try {
  await migrate(pg.url);
  const t0 = performance.now();
  await generateData(pg.url, { stories: STORIES });
  const generation = (performance.now() - t0) / 1000;

  // Imported after DATABASE_URL is set: the data functions read it lazily.
  const { searchStories, suggestQuery } = await import("@/lib/db/search");
  const { listArchive } = await import("@/lib/db/archive");
  const { listFeedStories, listPublishedStories } = await import("@/lib/db/stories");
  const { listStoryChunks, streamStoryChunk } = await import("@/lib/db/sitemap");
  const { disconnectDb } = await import("@/lib/db/client");

  const search = (q: string, filters = {}, sort: "relevance" | "newest" = "relevance", page = 1) => () => searchStories({ q, filters, sort, page, pageSize: 12 });
  const cases: [string, () => Promise<unknown>][] = [
    ["search: one rare word (\"166\")", search("166")],
    ["search: common word (\"kemiindustrin\")", search("kemiindustrin")],
    ["search: two words, newest first", search("hamnen logistik", {}, "newest")],
    ['search: phrase and minus ("\\"tillväxt och\\" -skogen")', search('"tillväxt och" -skogen')],
    ["search: query + municipality + year", search("energi", { organisation: "genkommun-17", year: 2015 })],
    ["search: empty query, county filter, page 50", search("", { county: "Skåne län" }, "relevance", 50)],
    ["search: no hits + suggestion", async () => (await search("kemiindustirn")()) && suggestQuery("kemiindustirn")],
    ["list: /nyheter page 1", () => listPublishedStories({ page: 1, pageSize: 12, kind: "NEWS" })],
    ["list: municipality page 3", () => listPublishedStories({ page: 3, pageSize: 12, scope: { organisation: "genkommun-42" } })],
    ["archive: municipality years and months", () => listArchive({ organisation: "genkommun-42" })],
    ["feed: topic, 50 items", () => listFeedStories({ topic: "genamne-7" })],
    ["sitemap: file index", () => listStoryChunks(50_000)],
    [
      "sitemap: stream one 50 000-URL file",
      async () => {
        let n = 0;
        for await (const batch of streamStoryChunk(1, 50_000)) n += batch.length;
        return n;
      },
    ],
  ];

  const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
  console.log(`\n${STORIES} stories generated in ${generation.toFixed(1)} s; ${RUNS} runs per query after 3 warm-up runs; Node ${process.version}\n`);
  console.log("| query | p50 ms | p95 ms |");
  console.log("|---|---|---|");
  for (const [name, fn] of cases) {
    const runs = name.startsWith("sitemap: stream") ? Math.min(RUNS, 5) : RUNS;
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    console.log(`| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
  }
  const heap = process.memoryUsage();
  console.log(`\nbenchmark process RSS at the end: ${(heap.rss / 1048576).toFixed(0)} MB`);
  await disconnectDb();
} finally {
  await pg.stop();
  await rm(dir, { recursive: true, force: true });
}
