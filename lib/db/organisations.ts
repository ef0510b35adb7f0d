import "server-only";
import { db } from "./client";
import { publishedStoryWhere } from "./published";

export type OrganisationListItem = {
  slug: string;
  name: string;
  shortName: string | null;
  kind: string;
  county: string | null;
  storyCount: number;
};

/** Every organisation with its number of published stories, in Swedish alphabetical order. */
export async function listOrganisations(): Promise<OrganisationListItem[]> {
  const rows = await db().organisation.findMany({
    select: {
      slug: true,
      name: true,
      shortName: true,
      kind: true,
      county: true,
      _count: { select: { stories: { where: { story: publishedStoryWhere() } } } },
    },
  });
  const collator = new Intl.Collator("sv");
  return rows
    .map((r) => ({ slug: r.slug, name: r.name, shortName: r.shortName, kind: r.kind, county: r.county, storyCount: r._count.stories }))
    .sort((a, b) => collator.compare(a.shortName ?? a.name, b.shortName ?? b.name));
}

export type OrganisationDetail = {
  id: string;
  slug: string;
  name: string;
  shortName: string | null;
  kind: string;
  county: string | null;
  municipalityCode: string | null;
  website: string | null;
  description: string | null;
  people: { slug: string; name: string; title: string | null }[];
  networks: { slug: string; name: string; kind: string; role: "owner" | "member" }[];
};

export async function getOrganisation(slug: string): Promise<OrganisationDetail | null> {
  const row = await db().organisation.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      shortName: true,
      kind: true,
      county: true,
      municipalityCode: true,
      website: true,
      description: true,
      people: { select: { slug: true, name: true, title: true }, orderBy: { name: "asc" } },
      ownedNetworks: { select: { slug: true, name: true, kind: true }, orderBy: { name: "asc" } },
      memberships: { select: { network: { select: { slug: true, name: true, kind: true } } }, orderBy: { network: { name: "asc" } } },
    },
  });
  if (!row) return null;
  const { ownedNetworks, memberships, ...rest } = row;
  const owned = ownedNetworks.map((n) => ({ ...n, role: "owner" as const }));
  const member = memberships.map((m) => ({ ...m.network, role: "member" as const })).filter((m) => !owned.some((o) => o.slug === m.slug));
  return { ...rest, networks: [...owned, ...member] };
}
