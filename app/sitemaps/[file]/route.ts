import { cached, tags } from "@/lib/cache";
import { listEntityPages, listRecentStories, storySitemapStats, streamStoryChunk } from "@/lib/db/sitemap";
import { env } from "@/lib/env";
import { NEWS_WINDOW_MS, newsSitemapXml, pagesSitemapXml, storySitemapStream } from "@/lib/sitemap";
import { SITE_NAME } from "@/lib/seo";

const XML = { "Content-Type": "application/xml; charset=utf-8" };
const notFound = () => new Response("Hittades inte", { status: 404 });

// Stored like a page: rendered at the first request, then served until a publish changes it.
export const dynamic = "force-static";
export const generateStaticParams = async () => [];
// The files read the database directly; their stored copies carry the stories tag through
// the cached count below, and are made again after five minutes at the latest.
export const revalidate = 300;

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  const { SITE_URL, SITEMAP_SPLIT_SIZE } = env();
  // Values cross the cache as JSON: the date travels as a string.
  const stats = () =>
    cached(["sitemap-stats"], [tags.stories, tags.organisations, tags.networks, tags.topics], async () => {
      const { count, newest } = await storySitemapStats();
      return { count, newest: newest?.toISOString() ?? null };
    });

  if (file === "sidor.xml") {
    const [pages, { newest }] = await Promise.all([listEntityPages(), stats()]);
    return new Response(pagesSitemapXml(SITE_URL, pages, newest ? new Date(newest) : null), { headers: XML });
  }
  if (file === "nyheter-google.xml") {
    await stats();
    const stories = await listRecentStories(new Date(Date.now() - NEWS_WINDOW_MS));
    // A sitemap must list at least one URL; with no news of the last two days there is no file.
    if (stories.length === 0) return notFound();
    return new Response(newsSitemapXml(SITE_URL, SITE_NAME, stories), { headers: XML });
  }
  const chunk = /^artiklar-([1-9]\d{0,5})\.xml$/.exec(file);
  if (!chunk) return notFound();
  const index = Number(chunk[1]);
  const { count } = await stats();
  if (index > Math.ceil(count / SITEMAP_SPLIT_SIZE)) return notFound();
  return new Response(storySitemapStream(SITE_URL, streamStoryChunk(index, SITEMAP_SPLIT_SIZE)), { headers: XML });
}
