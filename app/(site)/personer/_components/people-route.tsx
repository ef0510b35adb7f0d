import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { Pagination } from "@/components/layout/pagination";
import { serverNotFound } from "@/components/layout/server-not-found";
import { listHref, personPath } from "@/lib/paths";
import { getPeople } from "@/lib/queries";
import { metadataOf, requireListPosition, type ListParams } from "@/lib/route-params";
import { pageMetadata } from "@/lib/seo";

type Props = { params: Promise<ListParams> };

const PATH = "/personer";
const DESCRIPTION = "Alla personer som förekommer i artiklarna på Näringslivsnytt: intervjuade, omnämnda och skribenter.";

async function load(params: Props["params"]) {
  const { page, period } = await requireListPosition(params);
  // The index has pages but no archive.
  const people = period ? null : await getPeople(page);
  if (!people) notFound();
  return people;
}

/** The page modules of /personer and /personer/sida/[sida]. */
export const peopleRoute = {
  // None at build time: each page is rendered at its first request and then stored.
  generateStaticParams: async () => [],
  generateMetadata: ({ params }: Props): Promise<Metadata> =>
    metadataOf(
      () => load(params),
      (people) => pageMetadata({ title: people.page > 1 ? `Personer, sida ${people.page}` : "Personer", description: DESCRIPTION, path: listHref(PATH, people.page) }),
    ),
  Page: serverNotFound(async ({ params }: Props) => {
    const people = await load(params);
    return (
      <>
        <Breadcrumbs items={[{ label: "Personer" }]} />
        <h1 className="text-3xl font-bold md:text-4xl">
          Personer
          {people.page > 1 ? <span className="text-slate-600">, sida {people.page}</span> : null}
        </h1>
        <p className="mt-2 mb-8 max-w-2xl text-lg text-slate-700">{DESCRIPTION}</p>
        {people.items.length ? (
          <ul className="grid gap-x-8 gap-y-4 sm:grid-cols-2 lg:grid-cols-3">
            {people.items.map((p) => (
              <li key={p.slug}>
                <Link href={personPath(p.slug)} className="text-lg font-semibold">
                  {p.name}
                </Link>
                {p.title || p.organisation ? <p className="text-sm text-slate-700">{[p.title, p.organisation].filter(Boolean).join(", ")}</p> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p>Inga personer ännu.</p>
        )}
        <Pagination page={people.page} pageCount={people.pageCount} href={(p) => listHref(PATH, p)} />
      </>
    );
  }),
};
