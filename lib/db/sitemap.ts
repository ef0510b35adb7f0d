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

/**
 * Every entity page: organisations, topics, networks, people and series, and the editorial
 * pages. An entity page lists stories, so it changes when one of them is published or
 * edited: its lastmod is the newest of the record's own change and its listed stories'.
 */
export async function listEntityPages(): Promise<SitemapPage[]> {
  const rows = await db().$queryRaw<{ path: string; updated: Date }[]>`
    WITH pub AS (
      SELECT id, author_id, series_id, coalesce(content_updated_at, published_at) AS updated FROM story WHERE ${publishedStorySql("story")}
    ),
    org AS (SELECT so.organisation_id AS id, max(pub.updated) AS newest FROM story_organisation so JOIN pub ON pub.id = so.story_id GROUP BY 1),
    top AS (SELECT st.topic_id AS id, max(pub.updated) AS newest FROM story_topic st JOIN pub ON pub.id = st.story_id GROUP BY 1),
    net AS (SELECT sn.network_id AS id, max(pub.updated) AS newest FROM story_network sn JOIN pub ON pub.id = sn.story_id GROUP BY 1),
    per AS (
      SELECT id, max(newest) AS newest FROM (
        SELECT si.person_id AS id, pub.updated AS newest FROM story_interviewee si JOIN pub ON pub.id = si.story_id
        UNION ALL SELECT sp.person_id, pub.updated FROM story_person sp JOIN pub ON pub.id = sp.story_id
        UNION ALL SELECT author_id, updated FROM pub WHERE author_id IS NOT NULL
      ) x GROUP BY 1
    ),
    ser AS (SELECT series_id AS id, max(updated) AS newest FROM pub WHERE series_id IS NOT NULL GROUP BY 1)
    SELECT CASE WHEN o.kind = 'MUNICIPALITY' THEN '/kommuner/' ELSE '/organisationer/' END || o.slug AS path, greatest(o.updated_at, org.newest) AS updated
      FROM organisation o LEFT JOIN org ON org.id = o.id
    UNION ALL SELECT '/amnen/' || t.slug, greatest(t.updated_at, top.newest) FROM topic t LEFT JOIN top ON top.id = t.id
    UNION ALL SELECT '/natverk/' || n.slug, greatest(n.updated_at, net.newest) FROM network n LEFT JOIN net ON net.id = n.id
    UNION ALL SELECT '/personer/' || p.slug, greatest(p.updated_at, per.newest) FROM person p LEFT JOIN per ON per.id = p.id
    UNION ALL SELECT '/serier/' || s.slug, greatest(s.updated_at, ser.newest) FROM series s LEFT JOIN ser ON ser.id = s.id
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

/**
 * When the record behind a page last changed: an organisation, topic or network by slug, or
 * the site settings for the site's own lists. For a feed with no stories, whose newest
 * change is otherwise undefined.
 */
export async function recordUpdatedAt(record: "organisation" | "topic" | "network" | "site", slug = ""): Promise<Date> {
  const where = { where: { slug }, select: { updatedAt: true } } as const;
  const row =
    record === "organisation"
      ? await db().organisation.findUnique(where)
      : record === "topic"
        ? await db().topic.findUnique(where)
        : record === "network"
          ? await db().network.findUnique(where)
          : await db().siteSettings.findFirst({ select: { updatedAt: true } });
  return row?.updatedAt ?? new Date();
}
