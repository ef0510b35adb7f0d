import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { Pagination } from "@/components/layout/pagination";
import { SearchForm } from "@/components/search/search-form";
import { Time } from "@/components/ui/time";
import { searchEntities, suggestQuery, type Facets, type SearchFilters } from "@/lib/db/search";
import { env } from "@/lib/env";
import { kindLabel } from "@/lib/format";
import { networkPath, organisationPath, personPath, storyPath } from "@/lib/paths";
import { unindexedMetadata } from "@/lib/seo";
import { getSearch } from "@/lib/queries";
import { searchHref, searchQuery, type SearchState } from "@/lib/search-params";

/**
 * /sok. Without a query (the latest stories and facets over everything) it is the same page for
 * every reader and is stored; with one it is rendered per request at /sok/resultat, where
 * proxy.ts sends every /sok address with a query string.
 */
export function searchMetadata(state: SearchState): Metadata {
  const q = state.q.trim();
  // Result pages are for readers, not for search engines' indexes.
  return unindexedMetadata(q ? `Sökresultat för ”${q.slice(0, 40)}”` : "Sök", "Sök bland nyheter, intervjuer, kommuner, personer och nätverk på Näringslivsnytt.", "/sok");
}

export async function SearchPage({ state }: { state: SearchState }) {
  const q = state.q.trim();
  const pageSize = env().LIST_PAGE_SIZE;
  const [typed, entities] = await Promise.all([
    getSearch({ q, filters: state.filters, sort: state.sort, page: state.page, pageSize }),
    searchEntities(q),
  ]);
  // A query that finds nothing, with a small typo in it, shows what the nearest spelling the
  // site uses finds, and says so ("foretagsklmat" shows "företagsklimat").
  const suggestion = q && typed.total === 0 ? await suggestQuery(q) : null;
  const alternative = suggestion ? await getSearch({ q: suggestion, filters: state.filters, sort: state.sort, page: state.page, pageSize }) : null;
  const corrected = alternative && alternative.total > 0 ? suggestion : null;
  const result = corrected && alternative ? alternative : typed;
  const shownQuery = corrected ?? q;
  const active = activeFilters(state.filters, result.facets);

  return (
    <>
      <Breadcrumbs items={[{ label: "Sök" }]} />
      <h1 className="text-3xl font-bold md:text-4xl">Sök</h1>
      <SearchForm state={state} facets={result.facets} />

      <section aria-labelledby="traffar" className="mt-10">
        <h2 id="traffar" className="text-2xl font-bold">
          {q ? "Sökresultat" : "Senaste artiklarna"}
        </h2>
        <p role="status" className="mt-2 text-slate-700">
          {corrected ? `Inga artiklar för ”${q}”. Visar ` : null}
          {q ? `${result.total} ${result.total === 1 ? "artikel" : "artiklar"} för ”${shownQuery}”` : `${result.total} ${result.total === 1 ? "artikel" : "artiklar"}`}
          {active.length ? " med valda filter" : ""}
          {state.page > 1 ? `, sida ${state.page}` : ""}.
        </p>
        {corrected ? (
          <p className="mt-3 text-lg">
            Sökte på <Link prefetch={false} href={searchHref(searchQuery(state, { q: corrected }))}>{corrected}</Link> i stället.
          </p>
        ) : null}
        {active.length ? (
          <ul aria-label="Valda filter" className="mt-4 flex flex-wrap gap-2">
            {active.map((a) => (
              <li key={a.key}>
                <Link prefetch={false} href={searchHref(searchQuery(state, { [a.key]: undefined }))} className="inline-block rounded-full border border-brand-700 px-3 py-1 text-sm">
                  {a.label} <span aria-hidden="true">×</span>
                  <span className="sr-only"> (ta bort filtret)</span>
                </Link>
              </li>
            ))}
          </ul>
        ) : null}

        {result.items.length ? (
          <ol className="mt-6 space-y-8">
            {result.items.map((hit) => (
              <li key={hit.id}>
                <article>
                  <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">{kindLabel(hit.kind)}</p>
                  <h3 className="mt-1 text-xl font-bold">
                    <Link href={storyPath(hit)}>{hit.title}</Link>
                  </h3>
                  <p className="mt-1 text-slate-700">
                    {hit.snippet.length
                      ? hit.snippet.map((part, i) => (part.match ? <mark key={i} className="bg-amber-100 px-0.5 text-slate-900">{part.text}</mark> : <span key={i}>{part.text}</span>))
                      : hit.lead}
                  </p>
                  <p className="mt-1 text-sm text-slate-600">
                    <Time iso={hit.publishedAt} />
                  </p>
                </article>
              </li>
            ))}
          </ol>
        ) : (
          <p className="mt-6">Inga artiklar hittades. Pröva andra ord, färre filter eller en annan stavning.</p>
        )}
        <Pagination prefetch={false} path="/sok" page={state.page} pageCount={result.pageCount} query={searchQuery(state, corrected ? { q: corrected } : {})} />
      </section>

      {entities.length ? (
        <section aria-labelledby="ovriga" className="mt-12 border-t border-slate-200 pt-8">
          <h2 id="ovriga" className="text-2xl font-bold">
            Nätverk, personer och organisationer
          </h2>
          <ul className="mt-4 grid gap-4 md:grid-cols-2">
            {entities.map((e) => (
              <li key={`${e.type}:${e.slug}`}>
                <Link href={e.type === "network" ? networkPath(e.slug) : e.type === "person" ? personPath(e.slug) : organisationPath(e)} className="font-semibold">
                  {e.name}
                </Link>
                <span className="text-sm text-slate-600"> · {e.type === "person" ? "Person" : kindLabel(e.kind)}</span>
                {e.description ? <p className="text-sm text-slate-700">{e.description}</p> : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}

function activeFilters(f: SearchFilters, facets: Facets) {
  const label = (list: { value: string; label: string }[], value: string) => list.find((v) => v.value === value)?.label ?? value;
  const out: { key: keyof SearchFilters; label: string }[] = [];
  if (f.kind) out.push({ key: "kind", label: kindLabel(f.kind) });
  if (f.organisation) out.push({ key: "organisation", label: label(facets.organisation, f.organisation) });
  if (f.county) out.push({ key: "county", label: f.county });
  if (f.topic) out.push({ key: "topic", label: label(facets.topic, f.topic) });
  if (f.network) out.push({ key: "network", label: label(facets.network, f.network) });
  if (f.year) out.push({ key: "year", label: String(f.year) });
  return out;
}
