import "server-only";
import { db } from "./client";
import { toImage, type ImageDto } from "./public";

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
