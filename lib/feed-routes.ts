import "server-only";
import { cachedUnlessNull, tags } from "@/lib/cache";
import { getNetwork } from "@/lib/db/networks";
import { getOrganisation } from "@/lib/db/organisations";
import { listFeedStories } from "@/lib/db/stories";
import { getTopic } from "@/lib/db/taxonomy";
import { env } from "@/lib/env";
import { buildAtom, buildRss, type Feed } from "@/lib/feeds";
import { networkPath, organisationPath, topicPath } from "@/lib/paths";
import { SITE_NAME } from "@/lib/seo";
import { isSlug } from "@/lib/slug";

// The route handlers of every feed: /feed.xml and /atom.xml for the whole site, and the same
// two files under each municipality, organisation, topic and network page.

export type FeedScope = "site" | "municipality" | "organisation" | "topic" | "network";
export type FeedFormat = "rss" | "atom";

async function loadFeed(scope: FeedScope, slug: string, format: FeedFormat): Promise<Feed | null> {
  const file = format === "rss" ? "feed.xml" : "atom.xml";
  if (scope === "site") {
    return { title: SITE_NAME, description: "Nyheter och intervjuer om näringsliv från Sveriges kommuner.", path: "/", selfPath: `/${file}`, items: await listFeedStories({}) };
  }
  if (scope === "municipality" || scope === "organisation") {
    const o = await getOrganisation(slug);
    // Each organisation has its feed under its own page only: /kommuner for municipalities.
    if (!o || (o.kind === "MUNICIPALITY") !== (scope === "municipality")) return null;
    const path = organisationPath(o);
    return { title: `${o.name} – Näringslivsnytt`, description: `Näringslivsnyheter från ${o.name}.`, path, selfPath: `${path}/${file}`, items: await listFeedStories({ organisation: slug }) };
  }
  if (scope === "topic") {
    const t = await getTopic(slug);
    if (!t) return null;
    return { title: `${t.name} – Näringslivsnytt`, description: t.description ?? `Artiklar om ${t.name.toLowerCase()}.`, path: topicPath(slug), selfPath: `${topicPath(slug)}/${file}`, items: await listFeedStories({ topic: slug }) };
  }
  const n = await getNetwork(slug);
  if (!n) return null;
  return { title: `${n.name} – Näringslivsnytt`, description: n.summary, path: networkPath(slug), selfPath: `${networkPath(slug)}/${file}`, items: await listFeedStories({ network: slug }) };
}

const scopeTag = (scope: FeedScope, slug: string) =>
  scope === "organisation" || scope === "municipality" ? tags.organisation(slug) : scope === "topic" ? tags.topic(slug) : scope === "network" ? tags.network(slug) : tags.stories;

export async function feedResponse(scope: FeedScope, format: FeedFormat, slug = ""): Promise<Response> {
  if (scope !== "site" && !isSlug(slug)) return new Response("Hittades inte", { status: 404 });
  // Revalidated every few minutes too, so a story whose publication time comes later shows up.
  const feed = await cachedUnlessNull(["feed", scope, slug, format], [scopeTag(scope, slug), tags.stories], () => loadFeed(scope, slug, format), 300);
  if (!feed) return new Response("Hittades inte", { status: 404 });
  const { SITE_URL } = env();
  const body = format === "rss" ? buildRss(feed, SITE_URL, SITE_NAME) : buildAtom(feed, SITE_URL, SITE_NAME);
  return new Response(body, {
    headers: { "Content-Type": `${format === "rss" ? "application/rss+xml" : "application/atom+xml"}; charset=utf-8` },
  });
}

/** `<link rel="alternate">` entries for a page's feeds, for the Metadata API. */
export function feedAlternates(path: string, title: string) {
  const base = path === "/" ? "" : path;
  return {
    "application/rss+xml": [{ url: `${base}/feed.xml`, title: `${title} (RSS)` }],
    "application/atom+xml": [{ url: `${base}/atom.xml`, title: `${title} (Atom)` }],
  };
}
