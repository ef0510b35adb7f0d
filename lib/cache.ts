import "server-only";
import { unstable_cache } from "next/cache";

// Every public read goes through here: cached until a tag it carries is invalidated, so a
// cache hit never touches the database. The tag scheme, in one place:
//   stories           every list of stories that is not scoped to an entity (start page, /nyheter, /intervjuer)
//   story:<slug>      one story's page
//   org:<slug>, topic:<slug>, network:<slug>, person:<slug>, series:<slug>
//                     an entity's page, including the stories listed on it
//   organisations, networks, topics, people, series-index   the index pages of those entities
//   settings, page:<slug>     site settings (header and footer) and editorial pages
//   old-addresses     an imported site's old addresses (path_redirect) and their 404s
// Publishing a story invalidates story:<slug>, stories, and the tags of the entities it
// concerns, and nothing else.
export const tags = {
  stories: "stories",
  story: (slug: string) => `story:${slug}`,
  organisation: (slug: string) => `org:${slug}`,
  topic: (slug: string) => `topic:${slug}`,
  network: (slug: string) => `network:${slug}`,
  person: (slug: string) => `person:${slug}`,
  series: (slug: string) => `series:${slug}`,
  organisations: "organisations",
  networks: "networks",
  topics: "topics",
  people: "people",
  seriesIndex: "series-index",
  settings: "settings",
  page: (slug: string) => `page:${slug}`,
  oldAddresses: "old-addresses",
} as const;

/**
 * Runs `fn` at most once per key until one of `tagList` is invalidated (or, with
 * `revalidateSeconds`, until that much time has passed as well).
 */
export function cached<T>(key: (string | number)[], tagList: string[], fn: () => Promise<T>, revalidateSeconds?: number): Promise<T> {
  return unstable_cache(fn, key.map(String), { tags: tagList, revalidate: revalidateSeconds ?? false })();
}

class Missing extends Error {}

/**
 * Like cached(), but a null result (no such record, page past the end) is not stored, so
 * requests for made-up slugs or page numbers cannot fill the cache and push real pages out.
 */
export async function cachedUnlessNull<T>(key: (string | number)[], tagList: string[], fn: () => Promise<T | null>, revalidateSeconds?: number): Promise<T | null> {
  try {
    return await cached(
      key,
      tagList,
      async () => {
        const value = await fn();
        if (value === null) throw new Missing();
        return value;
      },
      revalidateSeconds,
    );
  } catch (err) {
    if (err instanceof Missing) return null;
    throw err;
  }
}

/** Everything a story appears on: what publishing, editing or unpublishing it must invalidate. */
export function storyTags(story: {
  slug: string;
  organisations: { slug: string }[];
  topics: { slug: string }[];
  networks: { slug: string }[];
  people: { slug: string }[];
  series: { slug: string } | null;
}): string[] {
  return [
    tags.story(story.slug),
    tags.stories,
    tags.organisations, // story counts on /kommuner
    ...story.organisations.map((o) => tags.organisation(o.slug)),
    ...story.topics.map((t) => tags.topic(t.slug)),
    ...story.networks.map((n) => tags.network(n.slug)),
    ...story.people.map((p) => tags.person(p.slug)),
    ...(story.series ? [tags.series(story.series.slug)] : []),
  ];
}
