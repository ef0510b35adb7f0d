// Search benchmark: `npm run bench:search`. Builds a throwaway database with the
// deterministic 100 000-story data set, then times the data functions behind /sok, the
// archives, feeds and sitemaps (not HTTP): p50 and p95 over repeated runs of each query.
// Results go in docs/performance.md.
import { RUNS, timeCases, withGeneratedDatabase, type BenchCase } from "./lib/harness";

await withGeneratedDatabase(async () => {
  // Imported after DATABASE_URL is set: the data functions read it lazily.
  const { searchStories, suggestQuery } = await import("@/lib/db/search");
  const { listArchive } = await import("@/lib/db/archive");
  const { listFeedStories, listPublishedStories } = await import("@/lib/db/stories");
  const { listStoryChunks, streamStoryChunk } = await import("@/lib/db/sitemap");

  const search = (q: string, filters = {}, sort: "relevance" | "newest" = "relevance", page = 1) => () => searchStories({ q, filters, sort, page, pageSize: 12 });
  const cases: BenchCase[] = [
    ["search: one rare word (\"166\")", search("166")],
    ["search: common word (\"kemiindustrin\")", search("kemiindustrin")],
    ["search: two words, newest first", search("hamnen logistik", {}, "newest")],
    ['search: phrase and minus ("\\"tillväxt och\\" -skogen")', search('"tillväxt och" -skogen')],
    ["search: query + municipality + year", search("energi", { organisation: "genkommun-17", year: 2015 })],
    ["search: empty query, county filter, page 50", search("", { county: "Skåne län" }, "relevance", 50)],
    // Accents forgiven (decision 005): the same word typed with and without å/ä/ö, so the
    // unaccented figure reads as a ratio to the accented one measured in the same run.
    ['search: accented word ("företagsbesök")', search("företagsbesök")],
    ['search: the same word unaccented ("foretagsbesok")', search("foretagsbesok")],
    ['search: unaccented, with a rare word ("166 foretagsbesok")', search("166 foretagsbesok")],
    ['search: unaccented typo, corrected ("foretagsbesk")', async () => {
      // As /sok does it: nothing found, so the corrected spelling is searched instead.
      if ((await search("foretagsbesk")()).total > 0) throw new Error("the typo found stories");
      const corrected = await suggestQuery("foretagsbesk");
      return corrected && search(corrected)();
    }],
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
      Math.min(RUNS, 5),
    ],
  ];

  await timeCases(cases);
});
