import "server-only";
import type { Prisma } from "@/generated/prisma/client";

// Shapes shared by the public reads. Which stories they may show is one condition, in ./published.

export const storyCardSelect = {
  id: true,
  kind: true,
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  heroImage: { select: { storageKey: true, width: true, height: true, alt: true } },
  organisations: { select: { organisation: { select: { slug: true, name: true, shortName: true, kind: true } } } },
} satisfies Prisma.StorySelect;

type StoryCardRow = Prisma.StoryGetPayload<{ select: typeof storyCardSelect }>;

export type ImageDto = { src: string; width: number; height: number; alt: string; caption?: string | null; credit?: string | null };
export type OrgRef = { slug: string; name: string; shortName: string | null; kind: string };

/** Dates travel as ISO strings: cached values are serialised as JSON. */
export type StoryCard = {
  id: string;
  kind: "NEWS" | "INTERVIEW";
  slug: string;
  title: string;
  lead: string;
  publishedAt: string;
  image: ImageDto | null;
  organisations: OrgRef[];
};

export function toImage(
  m: { storageKey: string; width: number; height: number; alt: string; caption?: string | null; credit?: string | null } | null,
): ImageDto | null {
  if (!m) return null;
  return { src: `/media/${m.storageKey}`, width: m.width, height: m.height, alt: m.alt, caption: m.caption ?? null, credit: m.credit ?? null };
}

export function toStoryCard(row: StoryCardRow): StoryCard {
  return {
    id: row.id,
    kind: row.kind,
    slug: row.slug,
    title: row.title,
    lead: row.lead,
    publishedAt: (row.publishedAt ?? new Date(0)).toISOString(),
    image: toImage(row.heroImage),
    organisations: row.organisations.map((o) => o.organisation),
  };
}

export type Paged<T> = { items: T[]; page: number; pageCount: number; total: number };

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}
