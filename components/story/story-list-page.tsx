import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { Pagination } from "@/components/layout/pagination";
import { StoryGrid } from "@/components/story/story-card";
import type { StoryKindValue } from "@/lib/db/stories";
import { metadataOf, requireListPosition, type ListParams } from "@/lib/route-params";
import { ArchiveNav } from "@/components/layout/archive-nav";
import { periodLabel, type Period } from "@/lib/period";
import { listHref } from "@/lib/paths";
import { feedAlternates, SITE_FEED } from "@/lib/feed-routes";
import { Subscribe } from "@/components/layout/subscribe";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { SITE_ALERTS } from "@/components/alerts/alert-target";
import { pageMetadata } from "@/lib/seo";
import { getStoryList } from "@/lib/queries";
import { serverNotFound } from "@/components/layout/server-not-found";

export const STORY_LISTS = {
  NEWS: { path: "/nyheter", title: "Nyheter", intro: "Nyheter om näringsliv, företagsklimat och samverkan från Sveriges kommuner." },
  INTERVIEW: { path: "/intervjuer", title: "Intervjuer", intro: "Samtal med de människor som arbetar med näringslivsfrågor i kommunerna." },
} as const;


type StoryListData = NonNullable<Awaited<ReturnType<typeof getStoryList>>>;

function StoryListPage({ kind, page, period, data: { stories, archive } }: { kind: StoryKindValue; page: number; period?: Period; data: StoryListData }) {
  const list = STORY_LISTS[kind];
  return (
    <>
      <Breadcrumbs items={period ? [{ href: list.path, label: list.title }, { label: periodLabel(period) }] : [{ label: list.title }]} />
      <h1 className="text-3xl font-bold md:text-4xl">
        {list.title}
        {period ? <span className="text-slate-600"> från {periodLabel(period)}</span> : null}
        {page > 1 ? <span className="text-slate-600">, sida {page}</span> : null}
      </h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">{list.intro}</p>
      <ArchiveNav path={list.path} archive={archive} selected={period} />
      {stories.items.length ? <StoryGrid stories={stories.items} leadImagePriority /> : <p>Inga publicerade artiklar ännu.</p>}
      <Pagination page={page} pageCount={stories.pageCount} href={(p) => listHref(list.path, p, period)} />
      <Subscribe feeds={[{ path: list.path, title: list.title }, SITE_FEED]}>
        <AlertSignup target={SITE_ALERTS} />
      </Subscribe>
    </>
  );
}

type ListProps = { params: Promise<ListParams> };

/**
 * The page modules of /nyheter and /intervjuer (the two differ only in kind) and of their
 * pages and archives, /nyheter/sida/[sida] and /nyheter/arkiv/[...period].
 */
export function storyListRoute(kind: StoryKindValue) {
  const list = STORY_LISTS[kind];
  return {
    // None at build time: each page of the list is rendered at its first request and stored.
    generateStaticParams: async () => [],
    generateMetadata: ({ params }: ListProps): Promise<Metadata> =>
      metadataOf(
        () => requireListPosition(params),
        ({ page, period }) => {
          const title = [list.title, period ? `från ${periodLabel(period)}` : null].filter(Boolean).join(" ");
          return pageMetadata({ title: page > 1 ? `${title}, sida ${page}` : title, description: list.intro, path: listHref(list.path, page, period), feeds: feedAlternates({ path: list.path, title: list.title }, SITE_FEED) });
        },
      ),
    Page: serverNotFound(async ({ params }: ListProps) => {
      const { page, period } = await requireListPosition(params);
      const data = await getStoryList(kind, page, period);
      // Page 1 of an empty list still exists; a page past the end does not.
      if (!data) notFound();
      return <StoryListPage kind={kind} page={page} period={period} data={data} />;
    }),
  };
}
