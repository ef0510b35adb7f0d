import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, can, storyCapabilities, storyViewScope, type Actor, type StoryCapabilities } from "@/lib/auth/permissions";
import type { StoryFields } from "@/lib/validation/story";
import { accessOf, fieldsOf, isUuid, storyStateSelect, storyStepState, type StoryStepState } from "./editorial";
import { isPublished } from "./published";

// What the newsroom reads about stories: lists scoped to what the actor may see, the editor's
// data and choices, and revisions.

type Client = PrismaClient;

/**
 * Stories the actor may see (`storyViewScope`, the rule `can(actor, "story.view")` checks) as a
 * filter. The organisations' story ids are looked up first, so PostgreSQL can combine two index
 * scans instead of testing every story against a subquery.
 */
export async function visibleStoriesWhere(client: Client, actor: Actor): Promise<Prisma.StoryWhereInput> {
  const scope = storyViewScope(actor);
  if (scope.all) return {};
  if (!scope.organisationIds.length) return { createdById: scope.createdById };
  const rows = await client.storyOrganisation.findMany({ where: { organisationId: { in: [...scope.organisationIds] } }, select: { storyId: true } });
  return { OR: [{ createdById: scope.createdById }, { id: { in: [...new Set(rows.map((r) => r.storyId))] } }] };
}

export const STATUSES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const;
export type StoryStatusValue = (typeof STATUSES)[number];

export type AdminStoryFilter = { q?: string; status?: StoryStatusValue; kind?: "NEWS" | "INTERVIEW"; organisationId?: string; topicId?: string; createdById?: string; trash?: boolean };

export type AdminStoryRow = {
  id: string;
  title: string;
  kind: string;
  status: string;
  slug: string;
  publishedAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  createdBy: string | null;
  organisations: string[];
};

export async function listAdminStories(client: Client, actor: Actor, filter: AdminStoryFilter, page: number, pageSize: number): Promise<{ rows: AdminStoryRow[]; total: number }> {
  const where: Prisma.StoryWhereInput = {
    AND: [
      await visibleStoriesWhere(client, actor),
      { deletedAt: filter.trash ? { not: null } : null },
      filter.q ? { title: { contains: filter.q, mode: "insensitive" } } : {},
      filter.status ? { status: filter.status } : {},
      filter.kind ? { kind: filter.kind } : {},
      filter.organisationId ? { organisations: { some: { organisationId: filter.organisationId } } } : {},
      filter.topicId ? { topics: { some: { topicId: filter.topicId } } } : {},
      filter.createdById ? { createdById: filter.createdById } : {},
    ],
  };
  const [rows, total] = await Promise.all([
    client.story.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (page - 1) * pageSize,
      take: pageSize,
      select: {
        id: true,
        title: true,
        kind: true,
        status: true,
        slug: true,
        publishedAt: true,
        updatedAt: true,
        deletedAt: true,
        createdBy: { select: { name: true } },
        organisations: { select: { organisation: { select: { name: true } } } },
      },
    }),
    client.story.count({ where }),
  ]);
  return {
    total,
    rows: rows.map((r) => ({
      id: r.id,
      title: r.title,
      kind: r.kind,
      status: r.status,
      slug: r.slug,
      publishedAt: r.publishedAt?.toISOString() ?? null,
      updatedAt: r.updatedAt.toISOString(),
      deletedAt: r.deletedAt?.toISOString() ?? null,
      createdBy: r.createdBy?.name ?? null,
      organisations: r.organisations.map((o) => o.organisation.name),
    })),
  };
}

export type Option = { value: string; label: string };

/** The choices the editor and the list filters offer. */
export async function storyOptions(client: Client): Promise<{ organisations: Option[]; topics: Option[]; people: Option[]; series: Option[]; networks: Option[]; authors: Option[] }> {
  const byName = { name: "asc" } as const;
  const [organisations, topics, people, series, networks, authors] = await Promise.all([
    client.organisation.findMany({ select: { id: true, name: true }, orderBy: byName }),
    client.topic.findMany({ select: { id: true, name: true }, orderBy: byName }),
    client.person.findMany({ select: { id: true, name: true, title: true, organisation: { select: { name: true } } }, orderBy: byName }),
    client.series.findMany({ select: { id: true, name: true }, orderBy: byName }),
    client.network.findMany({ select: { id: true, name: true }, orderBy: byName }),
    client.user.findMany({ select: { id: true, name: true }, orderBy: byName }),
  ]);
  const opt = (r: { id: string; name: string }) => ({ value: r.id, label: r.name });
  return {
    organisations: organisations.map(opt),
    topics: topics.map(opt),
    people: people.map((p) => ({ value: p.id, label: [p.name, p.title, p.organisation?.name].filter(Boolean).join(", ") })),
    series: series.map(opt),
    networks: networks.map(opt),
    authors: authors.map(opt),
  };
}

export type HeroImage = { id: string; src: string; alt: string; width: number; height: number };

export type StoryForEdit = {
  id: string;
  fields: StoryFields;
  status: string;
  version: number;
  slug: string;
  publishedAt: string | null;
  updatedAt: string;
  deletedAt: string | null;
  createdBy: string | null;
  heroImage: HeroImage | null;
  changeNotes: { note: string; createdAt: string }[];
  can: StoryCapabilities;
};

/** The story as the editor shows it; null when it does not exist, 403 (thrown) when not the actor's to see. */
export async function getStoryForEdit(client: Client, actor: Actor, id: string): Promise<StoryForEdit | null> {
  if (!isUuid(id)) return null;
  const s = await client.story.findUnique({
    where: { id },
    select: {
      ...storyStateSelect,
      createdBy: { select: { name: true } },
      heroImage: { select: { id: true, storageKey: true, alt: true, width: true, height: true } },
      changeNotes: { select: { note: true, createdAt: true }, orderBy: { createdAt: "desc" } },
    },
  });
  if (!s) return null;
  const access = accessOf(s);
  assertCan(actor, "story.view", { story: access });
  return {
    id: s.id,
    fields: fieldsOf(s),
    status: s.status,
    version: s.version,
    slug: s.slug,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    updatedAt: s.updatedAt.toISOString(),
    deletedAt: s.deletedAt?.toISOString() ?? null,
    createdBy: s.createdBy?.name ?? null,
    heroImage: s.heroImage ? { id: s.heroImage.id, src: `/media/${s.heroImage.storageKey}`, alt: s.heroImage.alt, width: s.heroImage.width, height: s.heroImage.height } : null,
    changeNotes: s.changeNotes.map((c) => ({ note: c.note, createdAt: c.createdAt.toISOString() })),
    can: storyCapabilities(actor, access),
  };
}

export type RevisionRow = { id: string; number: number; version: number; reason: string; createdAt: string; createdBy: string | null };

export async function listRevisions(client: Client, actor: Actor, storyId: string): Promise<{ title: string; version: number; revisions: RevisionRow[] } | null> {
  if (!isUuid(storyId)) return null;
  const story = await client.story.findUnique({ where: { id: storyId }, select: { title: true, version: true, createdById: true, status: true, organisations: { select: { organisation: { select: { id: true } } } } } });
  if (!story) return null;
  assertCan(actor, "story.view", { story: accessOf(story) });
  const rows = await client.storyRevision.findMany({ where: { storyId }, orderBy: [{ createdAt: "desc" }, { version: "desc" }], select: { id: true, version: true, reason: true, createdAt: true, createdBy: { select: { name: true } } } });
  // Numbered 1, 2, 3 … from the oldest: the story's own version counter skips the autosaves
  // that were merged into one entry.
  return {
    title: story.title,
    version: story.version,
    revisions: rows.map((r, i) => ({ id: r.id, number: rows.length - i, version: r.version, reason: r.reason, createdAt: r.createdAt.toISOString(), createdBy: r.createdBy?.name ?? null })),
  };
}

/** A revision and the one before it (or null for the first), for the diff view. */
export async function getRevisionPair(client: Client, actor: Actor, storyId: string, revisionId: string): Promise<{ revision: RevisionRow & { fields: StoryFields }; previous: StoryFields | null; storyVersion: number; title: string; canRestore: boolean; published: boolean } | null> {
  if (!isUuid(storyId) || !isUuid(revisionId)) return null;
  const story = await client.story.findUnique({
    where: { id: storyId },
    select: { title: true, version: true, createdById: true, status: true, publishedAt: true, deletedAt: true, organisations: { select: { organisation: { select: { id: true } } } } },
  });
  if (!story) return null;
  assertCan(actor, "story.view", { story: accessOf(story) });
  const rev = await client.storyRevision.findFirst({ where: { id: revisionId, storyId }, select: { id: true, version: true, reason: true, createdAt: true, snapshot: true, createdBy: { select: { name: true } } } });
  if (!rev) return null;
  const [prev, earlier] = await Promise.all([
    client.storyRevision.findFirst({ where: { storyId, createdAt: { lt: rev.createdAt } }, orderBy: { createdAt: "desc" }, select: { snapshot: true } }),
    client.storyRevision.count({ where: { storyId, createdAt: { lt: rev.createdAt } } }),
  ]);
  return {
    revision: { id: rev.id, number: earlier + 1, version: rev.version, reason: rev.reason, createdAt: rev.createdAt.toISOString(), createdBy: rev.createdBy?.name ?? null, fields: rev.snapshot as unknown as StoryFields },
    previous: prev ? (prev.snapshot as unknown as StoryFields) : null,
    storyVersion: story.version,
    title: story.title,
    canRestore: can(actor, "story.edit", { story: accessOf(story) }),
    published: isPublished(story),
  };
}

/** Names for the ids in a story's fields, so a diff reads "Lerum" rather than a uuid. */
export async function namesForFields(client: Client, list: StoryFields[]): Promise<Map<string, string>> {
  const idsOf = (pick: (f: StoryFields) => (string | null)[]) => [...new Set(list.flatMap(pick).filter((x): x is string => !!x))];
  const [orgs, topics, people, networks, series, media] = await Promise.all([
    client.organisation.findMany({ where: { id: { in: idsOf((f) => f.organisationIds) } }, select: { id: true, name: true } }),
    client.topic.findMany({ where: { id: { in: idsOf((f) => f.topicIds) } }, select: { id: true, name: true } }),
    client.person.findMany({ where: { id: { in: idsOf((f) => f.intervieweeIds) } }, select: { id: true, name: true } }),
    client.network.findMany({ where: { id: { in: idsOf((f) => f.networkIds) } }, select: { id: true, name: true } }),
    client.series.findMany({ where: { id: { in: idsOf((f) => [f.seriesId]) } }, select: { id: true, name: true } }),
    client.media.findMany({ where: { id: { in: idsOf((f) => [f.heroImageId]) } }, select: { id: true, alt: true } }),
  ]);
  return new Map([...orgs, ...topics, ...people, ...networks, ...series].map((r) => [r.id, r.name] as [string, string]).concat(media.map((m) => [m.id, m.alt || "bild utan alt-text"])));
}

/** The hero image choice shown in the editor. */
export async function getHeroImage(client: Client, id: string | null): Promise<HeroImage | null> {
  if (!id || !isUuid(id)) return null;
  const m = await client.media.findUnique({ where: { id }, select: { id: true, storageKey: true, alt: true, width: true, height: true } });
  return m ? { id: m.id, src: `/media/${m.storageKey}`, alt: m.alt, width: m.width, height: m.height } : null;
}

/** A story's workflow state as this actor sees it (a step answers with the same, see runStep). */
export async function storyWorkflowState(client: Client, actor: Actor, id: string): Promise<StoryStepState | null> {
  if (!isUuid(id)) return null;
  const s = await client.story.findUnique({
    where: { id },
    select: { id: true, status: true, version: true, publishedAt: true, slug: true, kind: true, deletedAt: true, createdById: true, organisations: { select: { organisation: { select: { id: true } } } } },
  });
  return s && storyStepState(actor, s);
}
