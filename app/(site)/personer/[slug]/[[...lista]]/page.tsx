import type { Metadata } from "next";
import Image from "next/image";
import Link from "next/link";
import { InlineLinkList } from "@/components/ui/link-list";
import { notFound } from "next/navigation";
import { Breadcrumbs } from "@/components/layout/breadcrumbs";
import { EntityStories } from "@/components/story/entity-stories";
import { listHref, networkPath, organisationPath, personPath } from "@/lib/paths";
import { JsonLd } from "@/components/seo/json-ld";
import { getPersonPage } from "@/lib/queries";
import { pageMetadata, personLd } from "@/lib/seo";
import { metadataOf, requireListPosition, requireSlug, type SlugListProps } from "@/lib/route-params";
import { serverNotFound } from "@/components/layout/server-not-found";


async function load({ params }: SlugListProps) {
  const [slug, { page, period }] = await Promise.all([requireSlug(params), requireListPosition(params)]);
  // A person's stories are paged but have no archive.
  const data = period ? null : await getPersonPage(slug, page);
  if (!data) notFound();
  return data;
}


// None at build time: each page is rendered at its first request and then stored.
export const generateStaticParams = async () => [];

export const generateMetadata = (props: SlugListProps): Promise<Metadata> =>
  metadataOf(() => load(props), ({ person, stories }) => {
  const role = [person.title, person.organisation?.name].filter(Boolean).join(", ");
  return pageMetadata({
    title: person.name,
    description: person.bio ?? (role ? `${person.name}, ${role}.` : `Artiklar med ${person.name}.`),
    path: listHref(personPath(person.slug), stories.page),
    type: "profile",
  });
  });

export default serverNotFound(async function PersonPage(props: SlugListProps) {
  const { person, stories } = await load(props);
  return (
    <>
      <JsonLd data={personLd(person)} />
      <Breadcrumbs items={[{ href: "/personer", label: "Personer" }, { label: person.name }]} />
      <div className="flex flex-col gap-6 sm:flex-row sm:items-start">
        {person.portrait ? (
          <Image src={person.portrait.src} alt={person.portrait.alt} width={person.portrait.width} height={person.portrait.height} sizes="160px" className="h-40 w-40 rounded-full object-cover" />
        ) : null}
        <div>
          <p className="text-sm font-semibold uppercase tracking-wide text-accent-500">Person</p>
          <h1 className="mt-1 text-3xl font-bold md:text-4xl">{person.name}</h1>
          {person.title || person.organisation ? (
            <p className="mt-2 text-lg text-slate-700">
              {person.title}
              {person.title && person.organisation ? ", " : null}
              {person.organisation ? <Link href={organisationPath(person.organisation)}>{person.organisation.name}</Link> : null}
            </p>
          ) : null}
          {person.bio ? <p className="mt-3 max-w-3xl">{person.bio}</p> : null}
          <InlineLinkList className="mt-3" label="Samordnar" items={person.coordinates.map((n) => ({ href: networkPath(n.slug), name: n.name }))} />
        </div>
      </div>
      <EntityStories heading={`Artiklar med ${person.name}`} stories={stories} path={personPath(person.slug)} empty="Inga artiklar ännu." />
    </>
  );
});
