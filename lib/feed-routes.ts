import "server-only";
import { cachedUnlessNull, tags } from "@/lib/cache";
import { getNetwork } from "@/lib/db/networks";
import { getOrganisation } from "@/lib/db/organisations";
import { recordUpdatedAt } from "@/lib/db/sitemap";
import { listFeedStories } from "@/lib/db/stories";
import { getTopic } from "@/lib/db/taxonomy";
import { env } from "@/lib/env";
import { buildAtom, buildRss, type Feed } from "@/lib/feeds";
import { networkPath, organisationPath, topicPath } from "@/lib/paths";
import { SITE_NAME } from "@/lib/seo";
import { isSlug } from "@/lib/slug";

// The route handlers of every feed: /feed.xml and /atom.xml for the whole site, the same two
// files under /nyheter and /intervjuer, and under each municipality, organisation, topic and
// network page.

export type FeedScope = "site" | "news" | "interviews" | "municipality" | "organisation" | "topic" | "network";
export type FeedFormat = "rss" | "atom";

// The story lists' feeds: the list's own stories only.
const LIST_FEEDS = {
  news: { kind: "NEWS", path: "/nyheter", title: "Nyheter", description: "Nyheter om näringsliv från Sveriges kommuner." },
  interviews: { kind: "INTERVIEW", path: "/intervjuer", title: "Intervjuer", description: "Intervjuer med människor som arbetar med näringslivsfrågor i kommunerna." },
} as const;

async function loadFeed(scope: FeedScope, slug: string, format: FeedFormat): Promise<Feed | null> {
  const feed = await loadFeedItems(scope, slug, format);
  if (!feed) return null;
  const record = scope === "municipality" ? "organisation" : scope === "news" || scope === "interviews" ? "site" : scope;
  const emptySince = feed.items.length ? "" : (await recordUpdatedAt(record, slug)).toISOString();
  return { ...feed, emptySince };
}

async function loadFeedItems(scope: FeedScope, slug: string, format: FeedFormat): Promise<Omit<Feed, "emptySince"> | null> {
  const file = format === "rss" ? "feed.xml" : "atom.xml";
  if (scope === "site") {
    return { title: SITE_NAME, description: "Nyheter och intervjuer om näringsliv från Sveriges kommuner.", path: "/", selfPath: `/${file}`, items: await listFeedStories({}) };
  }
  if (scope === "news" || scope === "interviews") {
    const l = LIST_FEEDS[scope];
    return { title: `${l.title} – ${SITE_NAME}`, description: l.description, path: l.path, selfPath: `${l.path}/${file}`, items: await listFeedStories({}, 50, l.kind) };
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
  if (scope !== "site" && !(scope in LIST_FEEDS) && !isSlug(slug)) return new Response("Hittades inte", { status: 404 });
  // Revalidated every few minutes too, so a story whose publication time comes later shows up.
  const feed = await cachedUnlessNull(["feed", scope, slug, format], [scopeTag(scope, slug), tags.stories], () => loadFeed(scope, slug, format), 300);
  if (!feed) return new Response("Hittades inte", { status: 404 });
  const { SITE_URL } = env();
  const body = format === "rss" ? buildRss(feed, SITE_URL, SITE_NAME) : buildAtom(feed, SITE_URL, SITE_NAME);
  return new Response(body, {
    headers: { "Content-Type": `${format === "rss" ? "application/rss+xml" : "application/atom+xml"}; charset=utf-8` },
  });
}

/** A page that has feeds: its path (the feeds are feed.xml and atom.xml under it) and their title. */
export type FeedLink = { path: string; title: string };

export const SITE_FEED: FeedLink = { path: "/", title: SITE_NAME };

/** The feed files of a page with feeds. */
export function feedFiles(feed: FeedLink): { rss: string; atom: string } {
  const base = feed.path === "/" ? "" : feed.path;
  return { rss: `${base}/feed.xml`, atom: `${base}/atom.xml` };
}

/** `<link rel="alternate">` entries for a page's feeds, the page's own first, for the Metadata API. */
export function feedAlternates(...feeds: FeedLink[]) {
  return {
    "application/rss+xml": feeds.map((f) => ({ url: feedFiles(f).rss, title: `${f.title} (RSS)` })),
    "application/atom+xml": feeds.map((f) => ({ url: feedFiles(f).atom, title: `${f.title} (Atom)` })),
  };
}

/** The feeds a story's reader may want: those of its organisations and topics, else the site's. */
export function storyFeeds(story: { organisations: { kind: string; slug: string; name: string }[]; topics: { slug: string; name: string }[] }): FeedLink[] {
  const feeds = [...story.organisations.map((o) => ({ path: organisationPath(o), title: o.name })), ...story.topics.map((t) => ({ path: topicPath(t.slug), title: t.name }))];
  return feeds.length ? feeds : [SITE_FEED];
}
