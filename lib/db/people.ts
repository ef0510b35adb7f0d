import "server-only";
import { db } from "./client";
import { pageCount, toImage, type ImageDto, type Paged } from "./public";

export type PersonDetail = {
  id: string;
  slug: string;
  name: string;
  title: string | null;
  bio: string | null;
  portrait: ImageDto | null;
  organisation: { slug: string; name: string; kind: string } | null;
  coordinates: { slug: string; name: string; kind: string }[];
};

export async function getPerson(slug: string): Promise<PersonDetail | null> {
  const row = await db().person.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      title: true,
      bio: true,
      portrait: { select: { storageKey: true, width: true, height: true, alt: true } },
      organisation: { select: { slug: true, name: true, kind: true } },
      coordinates: { select: { slug: true, name: true, kind: true }, orderBy: { name: "asc" } },
    },
  });
  return row ? { ...row, portrait: toImage(row.portrait) } : null;
}

export type PersonListItem = { slug: string; name: string; title: string | null; organisation: string | null };

/** Everyone with a page, in Swedish alphabetical order, a page at a time. */
export async function listPeople(page: number, pageSize: number): Promise<Paged<PersonListItem>> {
  const [items, total] = await Promise.all([
    db().$queryRaw<PersonListItem[]>`
      SELECT p.slug, p.name, p.title, o.name AS organisation
      FROM person p LEFT JOIN organisation o ON o.id = p.organisation_id
      ORDER BY p.name COLLATE "sv-SE-x-icu", p.slug
      LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db().person.count(),
  ]);
  return { items, page, pageCount: pageCount(total, pageSize), total };
}
