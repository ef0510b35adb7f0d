import type { Metadata } from "next";
import { InlineLinkList } from "@/components/ui/link-list";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { EntityStories } from "@/components/story/entity-stories";
import { listHref, networkPath, topicPath } from "@/lib/paths";
import { feedAlternates } from "@/lib/feed-routes";
import { Subscribe } from "@/components/layout/subscribe";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { getTopicPage } from "@/lib/queries";
import { pageMetadata } from "@/lib/seo";
import { metadataOf, requireListPosition, requireSlug, type SlugListProps } from "@/lib/route-params";
import { serverNotFound } from "@/components/layout/server-not-found";
import { PeriodSuffix } from "@/components/ui/period-suffix";
import { entityListHead } from "@/lib/period";


async function load({ params }: SlugListProps) {
  const [slug, { page, period }] = await Promise.all([requireSlug(params), requireListPosition(params)]);
  const data = await getTopicPage(slug, page, period);
  if (!data) notFound();
  return { ...data, period };
}


// None at build time: each page is rendered at its first request and then stored.
export const generateStaticParams = async () => [];

export const generateMetadata = (props: SlugListProps): Promise<Metadata> =>
  metadataOf(() => load(props), ({ topic, stories, period }) =>
  pageMetadata({
    ...entityListHead(topic.name, topic.name.toLowerCase(), topic.description ?? `Artiklar om ${topic.name.toLowerCase()}.`, stories.page, period),
    path: listHref(topicPath(topic.slug), stories.page, period),
    feeds: feedAlternates({ path: topicPath(topic.slug), title: topic.name }),
  }));

export default serverNotFound(async function TopicPage(props: SlugListProps) {
  const { topic, stories, archive, period } = await load(props);
  return (
    <>
      <Breadcrumbs items={[{ href: "/amnen", label: "Ämnen" }, { label: topic.name }]} />
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">Ämne</p>
      <h1 className="mt-1 text-3xl font-bold md:text-4xl">
        {topic.name}
        <PeriodSuffix period={period} />
      </h1>
      {topic.description ? <p className="mt-3 max-w-3xl text-lg text-slate-700">{topic.description}</p> : null}
      <InlineLinkList className="mt-4" label="Nätverk och program" items={topic.networks.map((n) => ({ href: networkPath(n.slug), name: n.name }))} />
      <EntityStories heading={`Artiklar om ${topic.name.toLowerCase()}`} stories={stories} path={topicPath(topic.slug)} empty="Inga artiklar ännu." archive={archive} period={period} />
      <Subscribe feeds={[{ path: topicPath(topic.slug), title: topic.name }]}>
        <AlertSignup target={{ scope: "TOPIC", targetId: topic.id, name: `ämnet ${topic.name}` }} />
      </Subscribe>
    </>
  );
});
