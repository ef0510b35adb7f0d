import { ArchiveNav } from "@/components/layout/archive-nav";
import { Pagination } from "@/components/layout/pagination";
import type { ArchiveYear } from "@/lib/db/archive";
import type { Paged, StoryCard } from "@/lib/db/public";
import { listHref } from "@/lib/paths";
import { periodLabel, type Period } from "@/lib/period";
import { StoryGrid } from "./story-card";

type Props = { heading: string; stories: Paged<StoryCard>; path: string; empty: string; archive?: ArchiveYear[]; period?: Period };

/** The paginated stories on an organisation, topic, network or person page, with an archive. */
export function EntityStories({ heading, stories, path, empty, archive, period }: Props) {
  return (
    <section aria-labelledby="artiklar" className="mt-12">
      <h2 id="artiklar" className="mb-6 text-2xl font-bold">
        {heading}
        {period ? <span className="text-slate-600"> från {periodLabel(period)}</span> : null}
        {stories.page > 1 ? <span className="text-slate-600">, sida {stories.page}</span> : null}
      </h2>
      {archive && archive.length > 0 ? <ArchiveNav path={path} archive={archive} selected={period} /> : null}
      {stories.items.length ? <StoryGrid stories={stories.items} headingLevel={3} /> : <p>{empty}</p>}
      <Pagination page={stories.page} pageCount={stories.pageCount} href={(p) => listHref(path, p, period)} />
    </section>
  );
}
