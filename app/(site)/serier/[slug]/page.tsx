import type { Metadata } from "next";
import { pageMetadata } from "@/lib/seo";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { StoryCard } from "@/components/story/story-card";
import { seriesPath } from "@/lib/paths";
import { getSeriesPage } from "@/lib/queries";
import { metadataOf, requireSlug, type SlugProps } from "@/lib/route-params";
import { serverNotFound } from "@/components/layout/server-not-found";


async function load(params: SlugProps["params"]) {
  const data = await getSeriesPage(await requireSlug(params));
  if (!data) notFound();
  return data;
}


// None at build time: each page is rendered at its first request and then stored.
export const generateStaticParams = async () => [];

export const generateMetadata = ({ params }: SlugProps): Promise<Metadata> =>
  metadataOf(
    () => load(params),
    ({ series }) => pageMetadata({ title: series.name, description: series.description ?? `Artikelserien ${series.name}.`, path: seriesPath(series.slug) }),
  );

export default serverNotFound(async function SeriesPage({ params }: SlugProps) {
  const { series, stories } = await load(params);
  return (
    <>
      <Breadcrumbs items={[{ href: "/serier", label: "Serier" }, { label: series.name }]} />
      <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">Artikelserie</p>
      <h1 className="mt-1 text-3xl font-bold md:text-4xl">{series.name}</h1>
      {series.description ? <p className="mt-3 max-w-3xl text-lg text-slate-700">{series.description}</p> : null}
      <h2 className="mt-10 mb-6 text-2xl font-bold">Delar i serien</h2>
      {stories.length ? (
        <ol className="space-y-10">
          {stories.map((s, i) => (
            <li key={s.id} className="grid gap-4 md:grid-cols-[4rem_minmax(0,1fr)]">
              <span className="text-3xl font-extrabold text-brand-700" aria-hidden="true">
                {i + 1}
              </span>
              <div className="max-w-2xl">
                <StoryCard story={s} headingLevel={3} />
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>Inga delar är publicerade ännu.</p>
      )}
    </>
  );
});
