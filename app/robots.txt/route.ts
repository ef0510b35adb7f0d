import { env } from "@/lib/env";

// Search-result pages, the newsroom and previews stay out of search engines' indexes
// (those pages also say noindex themselves).
export const dynamic = "force-static";

export async function GET() {
  const { SITE_URL } = env();
  const body = ["User-agent: *", "Allow: /", "Disallow: /sok", "Disallow: /admin", "Disallow: /api/", "Disallow: /forhandsvisning", "", `Sitemap: ${SITE_URL}/sitemap.xml`, ""].join("\n");
  return new Response(body, { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
