import type { Metadata } from "next";
import Link from "next/link";
import { notFound, permanentRedirect } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { EntityStories } from "@/components/story/entity-stories";
import { JsonLd } from "@/components/seo/json-ld";
import { feedAlternates } from "@/lib/feed-routes";
import { Subscribe } from "@/components/layout/subscribe";
import { AlertSignup } from "@/components/alerts/alert-signup";
import { kindLabel } from "@/lib/format";
import { organisationLd, pageMetadata } from "@/lib/seo";
import { safeHref } from "@/lib/rich-text/links";
import { listHref, networkPath, organisationPath, personPath } from "@/lib/paths";
import { getOrganisationPage } from "@/lib/queries";
import { metadataOf, requireListPosition, requireSlug, type SlugListProps } from "@/lib/route-params";
import { serverNotFound } from "@/components/layout/server-not-found";
import { PeriodSuffix } from "@/components/ui/period-suffix";
import { entityListHead } from "@/lib/period";


// One page for every organisation; municipalities live under /kommuner, the others under
// /organisationer, and each URL redirects to the other when asked for the wrong kind.
async function load(municipal: boolean, { params }: SlugListProps) {
  const [slug, { page, period }] = await Promise.all([requireSlug(params), requireListPosition(params)]);
  const data = await getOrganisationPage(slug, page, period);
  if (!data) notFound();
  if ((data.organisation.kind === "MUNICIPALITY") !== municipal) permanentRedirect(organisationPath(data.organisation));
  return { ...data, period };
}

function WebsiteLink({ url }: { url: string }) {
  const href = safeHref(url);
  const label = url.replace(/^https?:\/\/(www\.)?/, "").replace(/\/$/, "");
  return href ? <a href={href}>{label}</a> : <>{label}</>;
}

export function organisationRoute(municipal: boolean) {
  return {
    // None at build time: each page is rendered at its first request and then stored.
    generateStaticParams: async () => [],
    generateMetadata: (props: SlugListProps): Promise<Metadata> =>
      metadataOf(() => load(municipal, props), ({ organisation: o, stories, period }) => {
      const path = listHref(organisationPath(o), stories.page, period);
      return pageMetadata({
        ...entityListHead(o.name, o.name, o.description ?? `Näringslivsnyheter från ${o.name}.`, stories.page, period),
        path,
        feeds: feedAlternates({ path: organisationPath(o), title: o.name }),
      });
      }),
    Page: serverNotFound(async (props: SlugListProps) => {
      const { organisation: o, stories, archive, period } = await load(municipal, props);
      return (
        <>
          <JsonLd data={organisationLd(o)} />
          <Breadcrumbs items={[municipal ? { href: "/kommuner", label: "Kommuner" } : { href: "/organisationer", label: "Organisationer" }, { label: o.name }]} />
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">{kindLabel(o.kind)}</p>
          <h1 className="mt-1 text-3xl font-bold md:text-4xl">
            {o.name}
            <PeriodSuffix period={period} />
          </h1>
          {o.description ? <p className="mt-3 max-w-3xl text-lg text-slate-700">{o.description}</p> : null}
          <dl className="mt-6 grid max-w-3xl gap-x-8 gap-y-2 text-sm sm:grid-cols-2">
            {o.county ? (
              <div>
                <dt className="font-semibold">Län</dt>
                <dd>{o.county}</dd>
              </div>
            ) : null}
            {o.municipalityCode ? (
              <div>
                <dt className="font-semibold">Kommunkod</dt>
                <dd>{o.municipalityCode}</dd>
              </div>
            ) : null}
            {o.website ? (
              <div>
                <dt className="font-semibold">Webbplats</dt>
                <dd>
                  <WebsiteLink url={o.website} />
                </dd>
              </div>
            ) : null}
          </dl>

          {o.networks.length || o.people.length ? (
            <div className="mt-10 grid gap-8 md:grid-cols-2">
              {o.networks.length ? (
                <section aria-labelledby="org-natverk">
                  <h2 id="org-natverk" className="text-xl font-bold">
                    Nätverk och program
                  </h2>
                  <ul className="mt-2 space-y-1">
                    {o.networks.map((n) => (
                      <li key={n.slug}>
                        <Link href={networkPath(n.slug)}>{n.name}</Link>
                        <span className="text-sm text-slate-600"> · {n.role === "owner" ? "ansvarig" : "medlem"}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
              {o.people.length ? (
                <section aria-labelledby="org-personer">
                  <h2 id="org-personer" className="text-xl font-bold">
                    Personer
                  </h2>
                  <ul className="mt-2 space-y-1">
                    {o.people.map((p) => (
                      <li key={p.slug}>
                        <Link href={personPath(p.slug)}>{p.name}</Link>
                        {p.title ? <span className="text-sm text-slate-600">, {p.title}</span> : null}
                      </li>
                    ))}
                  </ul>
                </section>
              ) : null}
            </div>
          ) : null}

          <EntityStories heading={`Artiklar om ${o.shortName ?? o.name}`} stories={stories} path={organisationPath(o)} empty="Inga artiklar ännu." archive={archive} period={period} />
          <Subscribe feeds={[{ path: organisationPath(o), title: o.name }]}>
            <AlertSignup target={{ scope: "ORGANISATION", targetId: o.id, name: o.name }} />
          </Subscribe>
        </>
      );
    }),
  };
}
