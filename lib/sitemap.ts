import "server-only";
import { escapeXml as e } from "@/lib/feeds";
import type { NewsSitemapStory, SitemapPage, SitemapStory, StoryChunk } from "@/lib/db/sitemap";
import { storyPath } from "@/lib/paths";

// Sitemap documents (sitemaps.org 0.9, and Google's news extension).
const NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
const NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";

/** Google News lists stories of the last two days. */
export const NEWS_WINDOW_MS = 2 * 86_400_000;

/** Pages that exist on every site, whatever the content. */
export const STATIC_PATHS = ["/", "/nyheter", "/intervjuer", "/natverk", "/kommuner", "/amnen", "/personer", "/serier"];

export function sitemapIndexXml(siteUrl: string, chunks: StoryChunk[], hasNews: boolean, pagesLastmod: string | null): string {
  const entry = (path: string, lastmod: string | null) =>
    `  <sitemap>\n    <loc>${e(siteUrl + path)}</loc>${lastmod ? `\n    <lastmod>${lastmod}</lastmod>` : ""}\n  </sitemap>`;
  return [
    `<?xml version="1.0" encoding="UTF-8"?>`,
    `<sitemapindex xmlns="${NS}">`,
    entry("/sitemaps/sidor.xml", pagesLastmod),
    ...chunks.map((c) => entry(`/sitemaps/artiklar-${c.index}.xml`, c.lastmod)),
    ...(hasNews ? [entry("/sitemaps/nyheter-google.xml", null)] : []),
    `</sitemapindex>`,
    "",
  ].join("\n");
}

function urlXml(siteUrl: string, path: string, lastmod: Date | null): string {
  return `  <url>\n    <loc>${e(siteUrl + path)}</loc>${lastmod ? `\n    <lastmod>${lastmod.toISOString()}</lastmod>` : ""}\n  </url>\n`;
}

export function pagesSitemapXml(siteUrl: string, pages: SitemapPage[], newestStory: Date | null): string {
  const body = [...STATIC_PATHS.map((path) => urlXml(siteUrl, path, newestStory)), ...pages.map((p) => urlXml(siteUrl, p.path, p.updated))].join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n${body}</urlset>\n`;
}

/** A story sitemap written batch by batch as the rows arrive. */
export function storySitemapStream(siteUrl: string, batches: AsyncGenerator<SitemapStory[]>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async start(controller) {
      controller.enqueue(encoder.encode(`<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}">\n`));
      try {
        for await (const batch of batches) {
          controller.enqueue(encoder.encode(batch.map((s) => urlXml(siteUrl, storyPath(s), s.updated)).join("")));
        }
        controller.enqueue(encoder.encode(`</urlset>\n`));
        controller.close();
      } catch (err) {
        controller.error(err);
      }
    },
  });
}

export function newsSitemapXml(siteUrl: string, siteName: string, stories: NewsSitemapStory[]): string {
  const body = stories
    .map(
      (s) => `  <url>
    <loc>${e(siteUrl + storyPath(s))}</loc>
    <news:news>
      <news:publication>
        <news:name>${e(siteName)}</news:name>
        <news:language>sv</news:language>
      </news:publication>
      <news:publication_date>${s.publishedAt.toISOString()}</news:publication_date>
      <news:title>${e(s.title)}</news:title>
    </news:news>
  </url>
`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NS}" xmlns:news="${NEWS_NS}">\n${body}</urlset>\n`;
}
