import "server-only";
import { cache } from "react";
import { cached, cachedUnlessNull, tags } from "@/lib/cache";
import { env } from "@/lib/env";
import { listArchive } from "@/lib/db/archive";
import type { Period } from "@/lib/period";
import { getNetwork, listNetworks } from "@/lib/db/networks";
import { getOrganisation, listOrganisations } from "@/lib/db/organisations";
import { getPerson, listPeople } from "@/lib/db/people";
import { findOldAddress } from "@/lib/db/old-addresses";
import { getPage, getSiteSettings } from "@/lib/db/site";
import {
  getPublishedStory,
  listLatestStories,
  listPublishedStories,
  listRelatedStories,
  listSeriesParts,
  type StoryKindValue,
  type StoryScope,
} from "@/lib/db/stories";
import { getSeries, getTopic, listSeries, listTopics } from "@/lib/db/taxonomy";
import { searchStories, type SearchInput } from "@/lib/db/search";
import { db } from "@/lib/db/client";
import { storyComments } from "@/lib/db/comment-reads";

// The cached public reads that pages call. Each is wrapped in React's cache() too, so
// generateMetadata and the page share one call per request. Reads that can miss return null,
// which is never cached: a page past the end of a list counts as a miss too.

const pageSize = () => env().LIST_PAGE_SIZE;

/**
 * A page of a scoped story list, or null when the page is past the end. An archive (a year or
 * month) without stories is null too: it answers 404 like a year still to come, rather than an
 * indexable empty page. The list itself without a period is a page even when empty.
 */
async function storyPage(page: number, scope: StoryScope, kind?: StoryKindValue, period?: Period) {
  const stories = await listPublishedStories({ page, pageSize: pageSize(), scope, kind, period });
  return page > stories.pageCount || (period && stories.total === 0) ? null : stories;
}

const periodKey = (p?: Period) => (p ? `${p.year}-${p.month ?? ""}` : "all");

export const getSettings = cache(() => cached(["settings"], [tags.settings], getSiteSettings));

export const getHome = cache(() =>
  cached(["home"], [tags.stories, tags.networks, tags.organisations], async () => {
    const [latest, interviews, networks, organisations] = await Promise.all([
      listLatestStories(7),
      listLatestStories(1, "INTERVIEW"),
      listNetworks(),
      listOrganisations(),
    ]);
    return { latest, featuredInterview: interviews[0] ?? null, networks, municipalities: organisations.filter((o) => o.kind === "MUNICIPALITY") };
  }),
);

export const getStoryList = cache((kind: StoryKindValue, page: number, period?: Period) =>
  cachedUnlessNull(["stories", kind, page, pageSize(), periodKey(period)], [tags.stories], async () => {
    const [stories, archive] = await Promise.all([storyPage(page, {}, kind, period), listArchive({ kind })]);
    return stories ? { stories, archive } : null;
  }),
);

export const getStory = cache((slug: string) => cachedUnlessNull(["story", slug], [tags.story(slug)], () => getPublishedStory(slug)));

/** A story's published comments: part of its stored page, so they carry its tag. */
export const getStoryComments = cache((story: { id: string; slug: string }) => cached(["comments", story.id], [tags.story(story.slug)], () => storyComments(db(), story.id)));

export const getSeriesParts = cache((seriesSlug: string) => cached(["series-parts", seriesSlug], [tags.series(seriesSlug)], () => listSeriesParts(seriesSlug)));

export const getRelatedStories = cache((story: { id: string; topics: { slug: string }[]; organisations: { slug: string }[] }) => {
  const topicSlugs = story.topics.map((t) => t.slug);
  const organisationSlugs = story.organisations.map((o) => o.slug);
  return cached(["related", story.id], [...topicSlugs.map(tags.topic), ...organisationSlugs.map(tags.organisation)], () =>
    listRelatedStories({ id: story.id, topicSlugs, organisationSlugs }),
  );
});

export const getNetworks = cache(() => cached(["networks"], [tags.networks], listNetworks));

export const getTopics = cache(() => cached(["topics"], [tags.topics], listTopics));

export const getNetworkPage = cache((slug: string, page: number, period?: Period) =>
  cachedUnlessNull(["network", slug, page, pageSize(), periodKey(period)], [tags.network(slug)], async () => {
    const network = await getNetwork(slug);
    const [stories, archive] = network ? await Promise.all([storyPage(page, { network: slug }, undefined, period), listArchive({ network: slug })]) : [null, []];
    return network && stories ? { network, stories, archive } : null;
  }),
);

// The story counts on /kommuner change with every publish, hence the stories tag.
export const getOrganisations = cache(() => cached(["organisations"], [tags.organisations, tags.stories], listOrganisations));

export const getOrganisationPage = cache((slug: string, page: number, period?: Period) =>
  cachedUnlessNull(["organisation", slug, page, pageSize(), periodKey(period)], [tags.organisation(slug)], async () => {
    const organisation = await getOrganisation(slug);
    const [stories, archive] = organisation
      ? await Promise.all([storyPage(page, { organisation: slug }, undefined, period), listArchive({ organisation: slug })])
      : [null, []];
    return organisation && stories ? { organisation, stories, archive } : null;
  }),
);

export const getTopicPage = cache((slug: string, page: number, period?: Period) =>
  cachedUnlessNull(["topic", slug, page, pageSize(), periodKey(period)], [tags.topic(slug)], async () => {
    const topic = await getTopic(slug);
    const [stories, archive] = topic ? await Promise.all([storyPage(page, { topic: slug }, undefined, period), listArchive({ topic: slug })]) : [null, []];
    return topic && stories ? { topic, stories, archive } : null;
  }),
);

export const getPersonPage = cache((slug: string, page: number) =>
  cachedUnlessNull(["person", slug, page, pageSize()], [tags.person(slug)], async () => {
    const person = await getPerson(slug);
    const stories = person && (await storyPage(page, { person: slug }));
    return person && stories ? { person, stories } : null;
  }),
);

/** Size of a page of /personer: an index of names, so longer than a page of stories. */
export const PEOPLE_PAGE_SIZE = 60;

// People show their organisation's name, hence the organisations tag.
export const getPeople = cache((page: number) =>
  cachedUnlessNull(["people", page, PEOPLE_PAGE_SIZE], [tags.people, tags.organisations], async () => {
    const people = await listPeople(page, PEOPLE_PAGE_SIZE);
    return page > people.pageCount ? null : people;
  }),
);

// The number of parts changes with every publish, hence the stories tag.
export const getSeriesIndex = cache(() => cached(["series-index"], [tags.seriesIndex, tags.stories], listSeries));

export const getSeriesPage = cache((slug: string) =>
  cachedUnlessNull(["series", slug], [tags.series(slug)], async () => {
    const series = await getSeries(slug);
    if (!series) return null;
    // A series is short; it is shown whole, in reading order.
    const stories = await listPublishedStories({ page: 1, pageSize: 100, scope: { series: slug }, order: "series" });
    return { series, stories: stories.items };
  }),
);

/**
 * Search results. Without a query the answer is the same for every reader (latest stories and
 * facets over everything, the costliest case), so it is cached; with a query it is not, since
 * the space of queries has no end.
 */
export const getSearch = cache((input: SearchInput) =>
  input.q.trim() ? searchStories(input) : cached(["search", JSON.stringify(input.filters), input.sort, input.page, input.pageSize], [tags.stories], () => searchStories(input)),
);

export const getEditorialPage = cache((slug: string) => cachedUnlessNull(["page", slug], [tags.page(slug)], () => getPage(slug)));

/** Where an old address of an imported site leads; publishing (stories) can change the answer. */
export const getOldAddress = cache((key: string) => cachedUnlessNull(["old-address", key], [tags.oldAddresses, tags.stories], () => findOldAddress(key)));
