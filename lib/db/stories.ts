import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { periodRange, type Period } from "@/lib/period";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { db } from "./client";
import { isPublished, publishedStoryWhere } from "./published";
import { pageCount, storyCardSelect, toImage, toStoryCard, type ImageDto, type OrgRef, type Paged, type StoryCard } from "./public";

export type StoryKindValue = "NEWS" | "INTERVIEW";

/** Newest first, with a stable tie-break so paging never repeats or skips a story. */
const newestFirst: Prisma.StoryOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];

const seriesOrder: Prisma.StoryOrderByWithRelationInput[] = [{ seriesPosition: "asc" }, { publishedAt: "asc" }, { id: "asc" }];

/** Which stories a list shows: all, or those concerning one organisation, topic, network, person or series. */
export type StoryScope =
  | { organisation: string }
  | { topic: string }
  | { network: string }
  | { person: string }
  | { series: string }
  | Record<string, never>;

function scopeWhere(scope: StoryScope): Prisma.StoryWhereInput {
  if ("organisation" in scope) return { organisations: { some: { organisation: { slug: scope.organisation } } } };
  if ("topic" in scope) return { topics: { some: { topic: { slug: scope.topic } } } };
  if ("network" in scope) return { networks: { some: { network: { slug: scope.network } } } };
  if ("series" in scope) return { series: { slug: scope.series } };
  if ("person" in scope) {
    const person = { slug: scope.person };
    return { OR: [{ interviewees: { some: { person } } }, { people: { some: { person } } }, { author: person }] };
  }
  return {};
}

export async function listPublishedStories(opts: {
  page: number;
  pageSize: number;
  kind?: StoryKindValue;
  scope?: StoryScope;
  /** Only stories published in this year or month (Swedish time). */
  period?: Period;
  /** "series" lists a series in reading order instead of newest first. */
  order?: "newest" | "series";
}): Promise<Paged<StoryCard>> {
  const where: Prisma.StoryWhereInput = {
    AND: [publishedStoryWhere(), opts.kind ? { kind: opts.kind } : {}, scopeWhere(opts.scope ?? {}), opts.period ? { publishedAt: periodRange(opts.period) } : {}],
  };
  const [total, rows] = await Promise.all([
    db().story.count({ where }),
    db().story.findMany({ where, select: storyCardSelect, orderBy: opts.order === "series" ? seriesOrder : newestFirst, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize }),
  ]);
  return { items: rows.map(toStoryCard), page: opts.page, pageCount: pageCount(total, opts.pageSize), total };
}

export async function listLatestStories(limit: number, kind?: StoryKindValue): Promise<StoryCard[]> {
  const rows = await db().story.findMany({
    where: { AND: [publishedStoryWhere(), kind ? { kind } : {}] },
    select: storyCardSelect,
    orderBy: newestFirst,
    take: limit,
  });
  return rows.map(toStoryCard);
}

export type PersonRef = { slug: string; name: string; title: string | null; organisation: { slug: string; name: string; kind: string } | null };

export type StoryDetail = StoryCard & {
  body: RichTextDoc;
  image: ImageDto | null;
  contentUpdatedAt: string | null;
  byline: string | null;
  pageOwner: string | null;
  metaDescription: string | null;
  author: PersonRef | null;
  topics: { slug: string; name: string }[];
  interviewees: PersonRef[];
  people: PersonRef[];
  networks: { slug: string; name: string; kind: string }[];
  series: { slug: string; name: string; position: number | null } | null;
  /** Notes of real updates after publication, newest first ("Uppdaterad <date>"). */
  changeNotes: { note: string; createdAt: string }[];
};

export type SeriesPart = { slug: string; kind: StoryKindValue; title: string; position: number | null };

/** The published parts of a series in reading order, for the navigation on each part. */
export async function listSeriesParts(seriesSlug: string): Promise<SeriesPart[]> {
  const rows = await db().story.findMany({
    where: { AND: [publishedStoryWhere(), { series: { slug: seriesSlug } }] },
    select: { slug: true, kind: true, title: true, seriesPosition: true },
    orderBy: seriesOrder,
  });
  return rows.map((s) => ({ slug: s.slug, kind: s.kind, title: s.title, position: s.seriesPosition }));
}

/** The fields of a person the story page shows (also for a preview's unsaved people). */
export const personRefSelect = {
  slug: true,
  name: true,
  title: true,
  organisation: { select: { slug: true, name: true, kind: true } },
} satisfies Prisma.PersonSelect;

/** A published story by slug, whatever its kind (the page redirects a kind mismatch). */
export async function getPublishedStory(slug: string): Promise<StoryDetail | null> {
  return findStoryDetail({ AND: [publishedStoryWhere(), { slug }] });
}

export type StoryPreview = StoryDetail & { status: string; access: { createdById: string | null; status: string; organisationIds: string[] } };

/** Any story by slug, whatever its state (not in the trash), for the newsroom's preview. Never cached. */
export async function getStoryPreview(slug: string): Promise<StoryPreview | null> {
  const access = await db().story.findFirst({
    where: { slug, deletedAt: null },
    select: { status: true, publishedAt: true, createdById: true, organisations: { select: { organisationId: true } } },
  });
  if (!access) return null;
  const detail = await findStoryDetail({ slug, deletedAt: null });
  if (!detail) return null;
  // A draft has no publication date yet: show it as if published now.
  return {
    ...detail,
    publishedAt: (access.publishedAt ?? new Date()).toISOString(),
    status: access.status,
    access: { createdById: access.createdById, status: access.status, organisationIds: access.organisations.map((o) => o.organisationId) },
  };
}

async function findStoryDetail(where: Prisma.StoryWhereInput): Promise<StoryDetail | null> {
  const row = await db().story.findFirst({
    where,
    select: {
      ...storyCardSelect,
      heroImage: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true } },
      body: true,
      contentUpdatedAt: true,
      byline: true,
      pageOwner: true,
      metaDescription: true,
      seriesPosition: true,
      author: { select: personRefSelect },
      topics: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: "asc" } } },
      interviewees: { select: { person: { select: personRefSelect } }, orderBy: { position: "asc" } },
      people: { select: { person: { select: personRefSelect } }, orderBy: { person: { name: "asc" } } },
      networks: { select: { network: { select: { slug: true, name: true, kind: true } } } },
      series: { select: { slug: true, name: true } },
      changeNotes: { select: { note: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!row) return null;
  return {
    ...toStoryCard(row),
    image: toImage(row.heroImage),
    body: row.body as unknown as RichTextDoc,
    contentUpdatedAt: row.contentUpdatedAt?.toISOString() ?? null,
    byline: row.byline,
    pageOwner: row.pageOwner,
    metaDescription: row.metaDescription,
    author: row.author,
    topics: row.topics.map((t) => t.topic),
    interviewees: row.interviewees.map((i) => i.person),
    people: row.people.map((p) => p.person),
    networks: row.networks.map((n) => n.network),
    series: row.series ? { slug: row.series.slug, name: row.series.name, position: row.seriesPosition } : null,
    changeNotes: row.changeNotes.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
  };
}

/** Stories sharing a topic or an organisation with the given one, newest first. */
export async function listRelatedStories(story: { id: string; topicSlugs: string[]; organisationSlugs: string[] }, limit = 3): Promise<StoryCard[]> {
  const rows = await db().story.findMany({
    where: {
      AND: [
        publishedStoryWhere(),
        { id: { not: story.id } },
        {
          OR: [
            { topics: { some: { topic: { slug: { in: story.topicSlugs } } } } },
            { organisations: { some: { organisation: { slug: { in: story.organisationSlugs } } } } },
          ],
        },
      ],
    },
    select: storyCardSelect,
    orderBy: newestFirst,
    take: limit,
  });
  return rows.map(toStoryCard);
}

export type { OrgRef, StoryCard };

export type FeedStory = StoryCard & {
  contentUpdatedAt: string | null;
  byline: string | null;
  author: string | null;
  topics: string[];
};

/** The newest stories of a feed, with what feed readers show: lead, author and categories. */
export async function listFeedStories(scope: StoryScope, limit = 50, kind?: StoryKindValue): Promise<FeedStory[]> {
  const rows = await db().story.findMany({
    where: { AND: [publishedStoryWhere(), scopeWhere(scope), kind ? { kind } : {}] },
    select: {
      ...storyCardSelect,
      contentUpdatedAt: true,
      byline: true,
      author: { select: { name: true } },
      topics: { select: { topic: { select: { name: true } } } },
    },
    orderBy: newestFirst,
    take: limit,
  });
  return rows.map((r) => ({
    ...toStoryCard(r),
    contentUpdatedAt: r.contentUpdatedAt?.toISOString() ?? null,
    byline: r.byline,
    author: r.author?.name ?? null,
    topics: r.topics.map((t) => t.topic.name),
  }));
}

/** Where a story's earlier slug leads now, if the story is published. */
export async function findStoryRedirect(oldSlug: string): Promise<{ kind: StoryKindValue; slug: string } | null> {
  const row = await db().storyRedirect.findUnique({
    where: { oldSlug },
    select: { story: { select: { kind: true, slug: true, status: true, publishedAt: true, deletedAt: true } } },
  });
  const story = row?.story;
  if (!story || !isPublished(story)) return null;
  return { kind: story.kind, slug: story.slug };
}
