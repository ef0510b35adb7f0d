import { Pagination } from "@/components/layout/pagination";
import type { Paged, StoryCard } from "@/lib/db/public";
import { StoryGrid } from "./story-card";

/** The paginated stories on an organisation, topic or person page. */
export function EntityStories({ heading, stories, path, empty }: { heading: string; stories: Paged<StoryCard>; path: string; empty: string }) {
  return (
    <section aria-labelledby="artiklar" className="mt-12">
      <h2 id="artiklar" className="mb-6 text-2xl font-bold">
        {heading}
        {stories.page > 1 ? <span className="text-slate-600">, sida {stories.page}</span> : null}
      </h2>
      {stories.items.length ? <StoryGrid stories={stories.items} headingLevel={3} /> : <p>{empty}</p>}
      <Pagination path={path} page={stories.page} pageCount={stories.pageCount} />
    </section>
  );
}
