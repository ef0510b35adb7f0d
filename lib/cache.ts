import "server-only";
import { unstable_cache } from "next/cache";

// Every public read goes through here: cached until a tag it carries is invalidated, so a
// cache hit never touches the database. The tag scheme, in one place:
//   stories           every list of stories that is not scoped to an entity (start page, /nyheter, /intervjuer)
//   story:<slug>      one story's page
//   org:<slug>, topic:<slug>, network:<slug>, person:<slug>, series:<slug>
//                     an entity's page, including the stories listed on it
//   organisations, networks, topics   the index pages of those entities
//   settings, page:<slug>     site settings (header and footer) and editorial pages
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
  settings: "settings",
  page: (slug: string) => `page:${slug}`,
} as const;

/** Runs `fn` at most once per key until one of `tagList` is invalidated. */
export function cached<T>(key: (string | number)[], tagList: string[], fn: () => Promise<T>): Promise<T> {
  return unstable_cache(fn, key.map(String), { tags: tagList, revalidate: false })();
}
