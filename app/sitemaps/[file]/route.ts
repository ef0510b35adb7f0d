import { connection } from "next/server";
import { listEntityPages, listRecentStories, storySitemapStats, streamStoryChunk } from "@/lib/db/sitemap";
import { env } from "@/lib/env";
import { NEWS_WINDOW_MS, newsSitemapXml, pagesSitemapXml, storySitemapStream } from "@/lib/sitemap";
import { SITE_NAME } from "@/lib/seo";

const XML = { "Content-Type": "application/xml; charset=utf-8" };
const notFound = () => new Response("Hittades inte", { status: 404 });

export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  await connection();
  const { file } = await params;
  const { SITE_URL, SITEMAP_SPLIT_SIZE } = env();

  if (file === "sidor.xml") {
    const [pages, stats] = await Promise.all([listEntityPages(), storySitemapStats()]);
    return new Response(pagesSitemapXml(SITE_URL, pages, stats.newest), { headers: XML });
  }
  if (file === "nyheter-google.xml") {
    const stories = await listRecentStories(new Date(Date.now() - NEWS_WINDOW_MS));
    // A sitemap must list at least one URL; with no news of the last two days there is no file.
    if (stories.length === 0) return notFound();
    return new Response(newsSitemapXml(SITE_URL, SITE_NAME, stories), { headers: XML });
  }
  const chunk = /^artiklar-([1-9]\d{0,5})\.xml$/.exec(file);
  if (!chunk) return notFound();
  const index = Number(chunk[1]);
  const { count } = await storySitemapStats();
  if (index > Math.ceil(count / SITEMAP_SPLIT_SIZE)) return notFound();
  return new Response(storySitemapStream(SITE_URL, streamStoryChunk(index, SITEMAP_SPLIT_SIZE)), { headers: XML });
}
