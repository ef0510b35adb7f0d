import "server-only";
import { db } from "./client";
import { publishedStorySql, publishedStoryWhere } from "./published";

// Reads behind the sitemaps. Story sitemaps are cut into files of `size` URLs in a stable
// order (oldest first, so a file's contents only change when a story in it changes), and
// each file is streamed in keyset batches: no read ever holds more than one batch in memory.

export type StoryChunk = { index: number; lastmod: string };

/** One entry per story sitemap file, with the newest change among its stories. */
export async function listStoryChunks(size: number): Promise<StoryChunk[]> {
  const rows = await db().$queryRaw<{ chunk: number; lastmod: Date }[]>`
    SELECT ((rn - 1) / ${size})::int + 1 AS chunk, max(updated) AS lastmod
    FROM (
      SELECT row_number() OVER (ORDER BY published_at, id) AS rn, coalesce(content_updated_at, published_at) AS updated
      FROM story WHERE ${publishedStorySql("story")}
    ) x
    GROUP BY 1 ORDER BY 1`;
  return rows.map((r) => ({ index: r.chunk, lastmod: r.lastmod.toISOString() }));
}

/** How many stories the sitemaps list, and when the newest of them last changed. */
export async function storySitemapStats(): Promise<{ count: number; newest: Date | null }> {
  const rows = await db().$queryRaw<{ n: bigint; newest: Date | null }[]>`
    SELECT count(*) AS n, max(coalesce(content_updated_at, published_at)) AS newest FROM story WHERE ${publishedStorySql("story")}`;
  return { count: Number(rows[0]?.n ?? 0), newest: rows[0]?.newest ?? null };
}

export type SitemapStory = { kind: "NEWS" | "INTERVIEW"; slug: string; updated: Date };

/** The stories of sitemap file `index` (1-based), yielded in batches. */
export async function* streamStoryChunk(index: number, size: number, batch = 2000): AsyncGenerator<SitemapStory[]> {
  // The chunk's first key comes from the (published_at, id) index; then keyset paging.
  const start = await db().$queryRaw<{ published_at: Date; id: string }[]>`
    SELECT published_at, id FROM story WHERE ${publishedStorySql("story")}
    ORDER BY published_at, id OFFSET ${(index - 1) * size} LIMIT 1`;
  if (!start[0]) return;
  let after: { published_at: Date; id: string } | null = null;
  let left = size;
  while (left > 0) {
    const take = Math.min(batch, left);
    const rows: { kind: "NEWS" | "INTERVIEW"; slug: string; updated: Date; published_at: Date; id: string }[] = after
      ? await db().$queryRaw`
          SELECT kind, slug, coalesce(content_updated_at, published_at) AS updated, published_at, id FROM story
          WHERE ${publishedStorySql("story")} AND (published_at, id) > (${after.published_at}, ${after.id}::uuid)
          ORDER BY published_at, id LIMIT ${take}`
      : await db().$queryRaw`
          SELECT kind, slug, coalesce(content_updated_at, published_at) AS updated, published_at, id FROM story
          WHERE ${publishedStorySql("story")} AND (published_at, id) >= (${start[0].published_at}, ${start[0].id}::uuid)
          ORDER BY published_at, id LIMIT ${take}`;
    if (rows.length === 0) return;
    yield rows.map((r) => ({ kind: r.kind, slug: r.slug, updated: r.updated }));
    left -= rows.length;
    const last = rows[rows.length - 1]!;
    after = { published_at: last.published_at, id: last.id };
    if (rows.length < take) return;
  }
}

export type SitemapPage = { path: string; updated: Date | null };

/** Every entity page: organisations, topics, networks, people and series. */
export async function listEntityPages(): Promise<SitemapPage[]> {
  const rows = await db().$queryRaw<{ path: string; updated: Date }[]>`
    SELECT CASE WHEN kind = 'MUNICIPALITY' THEN '/kommuner/' ELSE '/organisationer/' END || slug AS path, updated_at AS updated FROM organisation
    UNION ALL SELECT '/amnen/' || slug, updated_at FROM topic
    UNION ALL SELECT '/natverk/' || slug, updated_at FROM network
    UNION ALL SELECT '/personer/' || slug, updated_at FROM person
    UNION ALL SELECT '/serier/' || slug, updated_at FROM series
    UNION ALL SELECT '/' || slug, updated_at FROM page
    ORDER BY 1`;
  return rows;
}

export type NewsSitemapStory = { kind: "NEWS" | "INTERVIEW"; slug: string; title: string; publishedAt: Date };

/** Stories published in the last two days, for the Google News sitemap (at most 1000). */
export async function listRecentStories(since: Date): Promise<NewsSitemapStory[]> {
  return db().story.findMany({
    where: { AND: [publishedStoryWhere(), { publishedAt: { gte: since } }] },
    select: { kind: true, slug: true, title: true, publishedAt: true },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: 1000,
  }) as Promise<NewsSitemapStory[]>;
}
