import { env } from "@/lib/env";

// The newsroom, the API and previews are closed to crawlers. Search pages are not: a crawler
// must read them to see their noindex (a disallowed page can still be indexed from links to
// it, without its content), so /sok is crawlable and says noindex, follow itself.
export const dynamic = "force-static";

export async function GET() {
  const { SITE_URL } = env();
  const body = ["User-agent: *", "Allow: /", "Disallow: /admin", "Disallow: /api/", "Disallow: /forhandsvisning", "", `Sitemap: ${SITE_URL}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
