import "server-only";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { db } from "./client";
import { toImage, type ImageDto } from "./public";

export type NetworkListItem = {
  slug: string;
  name: string;
  kind: "NETWORK" | "PROGRAMME" | "PROJECT";
  summary: string;
  owner: { slug: string; name: string; kind: string };
  memberCount: number;
};

export async function listNetworks(): Promise<NetworkListItem[]> {
  const rows = await db().network.findMany({
    select: {
      slug: true,
      name: true,
      kind: true,
      summary: true,
      owner: { select: { slug: true, name: true, kind: true } },
      _count: { select: { members: true } },
    },
    orderBy: { name: "asc" },
  });
  return rows.map(({ _count, ...n }) => ({ ...n, memberCount: _count.members }));
}

export type NetworkDetail = NetworkListItem & {
  id: string;
  body: RichTextDoc;
  externalUrl: string | null;
  image: ImageDto | null;
  coordinator: { slug: string; name: string; title: string | null; organisation: { slug: string; name: string; kind: string } | null } | null;
  members: { slug: string; name: string; shortName: string | null; kind: string }[];
  goals: { label: string; target: string | null }[];
  meetings: { startsAt: string; title: string; place: string }[];
  topics: { slug: string; name: string }[];
};

export async function getNetwork(slug: string): Promise<NetworkDetail | null> {
  const row = await db().network.findUnique({
    where: { slug },
    select: {
      id: true,
      slug: true,
      name: true,
      kind: true,
      summary: true,
      body: true,
      externalUrl: true,
      image: { select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true } },
      owner: { select: { slug: true, name: true, kind: true } },
      coordinator: { select: { slug: true, name: true, title: true, organisation: { select: { slug: true, name: true, kind: true } } } },
      members: { select: { organisation: { select: { slug: true, name: true, shortName: true, kind: true } } } },
      goals: { select: { label: true, target: true }, orderBy: { position: "asc" } },
      meetings: { select: { startsAt: true, title: true, place: true }, orderBy: { startsAt: "asc" } },
      topics: { select: { topic: { select: { slug: true, name: true } } } },
    },
  });
  if (!row) return null;
  const collator = new Intl.Collator("sv");
  return {
    ...row,
    body: row.body as unknown as RichTextDoc,
    image: toImage(row.image),
    memberCount: row.members.length,
    members: row.members.map((m) => m.organisation).sort((a, b) => collator.compare(a.shortName ?? a.name, b.shortName ?? b.name)),
    meetings: row.meetings.map((m) => ({ ...m, startsAt: m.startsAt.toISOString() })),
    topics: row.topics.map((t) => t.topic),
  };
}
