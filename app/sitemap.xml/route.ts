import { cached, tags } from "@/lib/cache";
import { listEntityPages, listRecentStories, listStoryChunks } from "@/lib/db/sitemap";
import { env } from "@/lib/env";
import { NEWS_WINDOW_MS, sitemapIndexXml } from "@/lib/sitemap";


// Stored like a page: rendered at the first request, then served until a publish changes it.
export const dynamic = "force-static";

/** The sitemap index: editorial and entity pages, one file per 50 000 stories, and Google News. */
export async function GET() {
  const { SITE_URL, SITEMAP_SPLIT_SIZE } = env();
  const { chunks, hasNews, pagesLastmod } = await cached(["sitemap-index", SITEMAP_SPLIT_SIZE], [tags.stories, tags.organisations, tags.networks, tags.topics], async () => {
    const [chunks, recent, pages] = await Promise.all([listStoryChunks(SITEMAP_SPLIT_SIZE), listRecentStories(new Date(Date.now() - NEWS_WINDOW_MS)), listEntityPages()]);
    const newest = pages.reduce<Date | null>((max, p) => (p.updated && (!max || p.updated > max) ? p.updated : max), null);
    return { chunks, hasNews: recent.length > 0, pagesLastmod: newest?.toISOString() ?? null };
  }, 300);
  return new Response(sitemapIndexXml(SITE_URL, chunks, hasNews, pagesLastmod), { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
