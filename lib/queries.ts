import "server-only";
import { cache } from "react";
import { cached, tags } from "@/lib/cache";
import { env } from "@/lib/env";
import { getNetwork, listNetworks } from "@/lib/db/networks";
import { getOrganisation, listOrganisations } from "@/lib/db/organisations";
import { getPerson, storiesAboutPersonWhere } from "@/lib/db/people";
import { getPage, getSiteSettings } from "@/lib/db/site";
import { getPublishedStory, listLatestStories, listPublishedStories, listRelatedStories, type StoryKindValue } from "@/lib/db/stories";
import { getSeries, getTopic, listTopics } from "@/lib/db/taxonomy";

// The cached public reads that pages call. Each is wrapped in React's cache() too, so
// generateMetadata and the page share one call per request.

const pageSize = () => env().LIST_PAGE_SIZE;

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

export const getStoryList = cache((kind: StoryKindValue, page: number) =>
  cached(["stories", kind, page, pageSize()], [tags.stories], () => listPublishedStories({ kind, page, pageSize: pageSize() })),
);

export const getStory = cache((slug: string) => cached(["story", slug], [tags.story(slug)], () => getPublishedStory(slug)));

export const getRelatedStories = cache((story: { id: string; slug: string; topics: { slug: string }[]; organisations: { slug: string }[] }) => {
  const topicSlugs = story.topics.map((t) => t.slug);
  const organisationSlugs = story.organisations.map((o) => o.slug);
  return cached(
    ["related", story.id],
    [...topicSlugs.map(tags.topic), ...organisationSlugs.map(tags.organisation)],
    () => listRelatedStories({ id: story.id, topicSlugs, organisationSlugs }),
  );
});

export const getTopics = cache(() => cached(["topics"], [tags.topics], listTopics));

export const getNetworks = cache(() => cached(["networks"], [tags.networks], listNetworks));

export const getNetworkPage = cache((slug: string) =>
  cached(["network", slug], [tags.network(slug)], async () => {
    const network = await getNetwork(slug);
    if (!network) return null;
    const stories = await listPublishedStories({ page: 1, pageSize: 20, where: { networks: { some: { network: { slug } } } } });
    return { network, stories: stories.items };
  }),
);

export const getOrganisations = cache(() => cached(["organisations"], [tags.organisations], listOrganisations));

export const getOrganisationPage = cache((slug: string, page: number) =>
  cached(["organisation", slug, page, pageSize()], [tags.organisation(slug)], async () => {
    const organisation = await getOrganisation(slug);
    if (!organisation) return null;
    const stories = await listPublishedStories({ page, pageSize: pageSize(), where: { organisations: { some: { organisation: { slug } } } } });
    return { organisation, stories };
  }),
);

export const getTopicPage = cache((slug: string, page: number) =>
  cached(["topic", slug, page, pageSize()], [tags.topic(slug)], async () => {
    const topic = await getTopic(slug);
    if (!topic) return null;
    const stories = await listPublishedStories({ page, pageSize: pageSize(), where: { topics: { some: { topic: { slug } } } } });
    return { topic, stories };
  }),
);

export const getPersonPage = cache((slug: string, page: number) =>
  cached(["person", slug, page, pageSize()], [tags.person(slug)], async () => {
    const person = await getPerson(slug);
    if (!person) return null;
    const stories = await listPublishedStories({ page, pageSize: pageSize(), where: storiesAboutPersonWhere(slug) });
    return { person, stories };
  }),
);

export const getSeriesPage = cache((slug: string) =>
  cached(["series", slug], [tags.series(slug)], async () => {
    const series = await getSeries(slug);
    if (!series) return null;
    // A series is short; it is shown whole, in reading order.
    const stories = await listPublishedStories({ page: 1, pageSize: 100, where: { series: { slug } }, order: "series" });
    return { series, stories: stories.items };
  }),
);

export const getEditorialPage = cache((slug: string) => cached(["page", slug], [tags.page(slug)], () => getPage(slug)));
