import "server-only";
import { db } from "./client";
import { publishedStoryWhere } from "./published";

export type TopicDetail = { id: string; slug: string; name: string; description: string | null; networks: { slug: string; name: string; kind: string }[] };

export async function getTopic(slug: string): Promise<TopicDetail | null> {
  const row = await db().topic.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      networks: { select: { network: { select: { slug: true, name: true, kind: true } } } },
    },
  });
  return row ? { ...row, networks: row.networks.map((n) => n.network) } : null;
}

export async function listTopics(): Promise<{ slug: string; name: string }[]> {
  return db().topic.findMany({ select: { slug: true, name: true }, orderBy: { name: "asc" } });
}

/** Every series with its number of published parts, in Swedish alphabetical order. */
export async function listSeries(): Promise<{ slug: string; name: string; description: string | null; parts: number }[]> {
  const rows = await db().series.findMany({
    select: { slug: true, name: true, description: true, _count: { select: { stories: { where: publishedStoryWhere() } } } },
  });
  return rows.map(({ _count, ...s }) => ({ ...s, parts: _count.stories })).sort((a, b) => collator.compare(a.name, b.name));
}

const collator = new Intl.Collator("sv");

export type SeriesDetail = { id: string; slug: string; name: string; description: string | null };

export async function getSeries(slug: string): Promise<SeriesDetail | null> {
  return db().series.findUnique({ where: { slug }, select: { id: true, slug: true, name: true, description: true } });
}
