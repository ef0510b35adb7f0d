import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { Pagination } from "@/components/layout/pagination";
import { StoryGrid } from "@/components/story/story-card";
import type { StoryKindValue } from "@/lib/db/stories";
import { requirePageParam } from "@/lib/route-params";
import { withPage } from "@/lib/paths";
import { getStoryList } from "@/lib/queries";

export const STORY_LISTS = {
  NEWS: { path: "/nyheter", title: "Nyheter", intro: "Nyheter om näringsliv, företagsklimat och samverkan från Sveriges kommuner." },
  INTERVIEW: { path: "/intervjuer", title: "Intervjuer", intro: "Samtal med de människor som arbetar med näringslivsfrågor i kommunerna." },
} as const;


export async function StoryListPage({ kind, page }: { kind: StoryKindValue; page: number }) {
  const list = STORY_LISTS[kind];
  const result = await getStoryList(kind, page);
  // Page 1 of an empty list still exists; a page past the end does not.
  if (!result) notFound();
  return (
    <>
      <Breadcrumbs items={[{ label: list.title }]} />
      <h1 className="text-3xl font-bold md:text-4xl">
        {list.title}
        {page > 1 ? <span className="text-slate-600">, sida {page}</span> : null}
      </h1>
      <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">{list.intro}</p>
      {result.items.length ? <StoryGrid stories={result.items} /> : <p>Inga publicerade artiklar ännu.</p>}
      <Pagination path={list.path} page={page} pageCount={result.pageCount} />
    </>
  );
}

type ListProps = { searchParams: Promise<{ sida?: string | string[] }> };

/** The page module of /nyheter and /intervjuer: the two differ only in kind. */
export function storyListRoute(kind: StoryKindValue) {
  const list = STORY_LISTS[kind];
  return {
    async generateMetadata({ searchParams }: ListProps): Promise<Metadata> {
      const page = await requirePageParam(searchParams);
      return {
        title: page > 1 ? `${list.title}, sida ${page}` : list.title,
        description: list.intro,
        alternates: { canonical: withPage(list.path, page) },
      };
    },
    async Page({ searchParams }: ListProps) {
      return <StoryListPage kind={kind} page={await requirePageParam(searchParams)} />;
    },
  };
}
