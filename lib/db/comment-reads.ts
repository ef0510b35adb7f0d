import "server-only";
import type { CommentStatus, Prisma, PrismaClient } from "@/generated/prisma/client";
import type { Actor } from "@/lib/auth/permissions";
import { commentsOpen } from "@/lib/comments/rules";
import { storyAccessOf, storyAccessSelect } from "./comments";
import { publishedStoryWhere } from "./published";

// Reading comments (decision 019): the published ones for a story's stored page (never an
// e-mail address), and for the newsroom the moderation queue and the stories whose
// commenting an actor may open or close, both limited to the stories the actor may moderate.

export type PublicComment = { id: string; authorName: string; body: string; createdAt: string; reply: { body: string; organisation: string; at: string } | null };

/** A story's published comments, oldest first, for its (stored) page; never the e-mail address. */
export async function publishedComments(client: PrismaClient, storyId: string): Promise<PublicComment[]> {
  const rows = await client.comment.findMany({
    where: { storyId, status: "PUBLISHED" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, authorName: true, body: true, createdAt: true, replyBody: true, repliedAt: true, replyOrganisation: { select: { name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    authorName: r.authorName,
    body: r.body,
    createdAt: r.createdAt.toISOString(),
    reply: r.replyBody && r.replyOrganisation && r.repliedAt ? { body: r.replyBody, organisation: r.replyOrganisation.name, at: r.repliedAt.toISOString() } : null,
  }));
}

export type StoryComments = { comments: PublicComment[]; closedByHand: boolean };

/** What the story page's comments section needs: the published comments and whether an editor closed commenting. */
export async function storyComments(client: PrismaClient, storyId: string): Promise<StoryComments> {
  const [story, comments] = await Promise.all([client.story.findUnique({ where: { id: storyId }, select: { commentsClosed: true } }), publishedComments(client, storyId)]);
  return { comments, closedByHand: story?.commentsClosed ?? true };
}

/** The organisations whose stories' comments an actor moderates: all for administrators (null), none for writers. */
function moderatedOrganisations(actor: Actor): readonly string[] | null {
  if (actor.role === "ADMIN") return null;
  return actor.role === "EDITOR" ? actor.organisationIds : [];
}

/** Whether the actor moderates any story's comments: the newsroom shows the queue to these. */
export function moderatesComments(actor: Actor): boolean {
  const orgs = moderatedOrganisations(actor);
  return orgs === null || orgs.length > 0;
}

export type QueueItem = {
  id: string;
  authorName: string;
  authorEmail: string;
  body: string;
  status: CommentStatus;
  createdAt: string;
  reply: string | null;
  story: { id: string; title: string; slug: string; kind: "NEWS" | "INTERVIEW"; published: boolean; commentsClosed: boolean };
  /** The story's organisations the actor may reply as. */
  replyAs: { id: string; name: string }[];
};

/** The moderation queue: comments (pending by default) on the stories the actor may moderate, newest first. */
export async function moderationQueue(client: PrismaClient, actor: Actor, status: CommentStatus = "PENDING", take = 100): Promise<QueueItem[]> {
  const orgs = moderatedOrganisations(actor);
  if (orgs !== null && !orgs.length) return [];
  const where: Prisma.CommentWhereInput = { status, ...(orgs === null ? {} : { story: { organisations: { some: { organisationId: { in: [...orgs] } } } } }) };
  const rows = await client.comment.findMany({
    where,
    // Waiting ones newest first; moderated ones by when they were moderated.
    orderBy: status === "PENDING" ? [{ createdAt: "desc" }, { id: "desc" }] : [{ moderatedAt: "desc" }, { id: "desc" }],
    take,
    select: {
      id: true,
      authorName: true,
      authorEmail: true,
      body: true,
      status: true,
      createdAt: true,
      replyBody: true,
      story: { select: { ...storyAccessSelect, kind: true, commentsClosed: true, organisations: { select: { organisationId: true, organisation: { select: { id: true, name: true } } } } } },
    },
  });
  return rows.map((r) => {
    const s = storyAccessOf(r.story);
    return {
      id: r.id,
      authorName: r.authorName,
      authorEmail: r.authorEmail,
      body: r.body,
      status: r.status,
      createdAt: r.createdAt.toISOString(),
      reply: r.replyBody,
      story: { id: s.id, title: s.title, slug: s.slug, kind: r.story.kind, published: s.published, commentsClosed: r.story.commentsClosed },
      replyAs: r.story.organisations.map((o) => o.organisation).filter((o) => orgs === null || orgs.includes(o.id)),
    };
  });
}

export type CommentStory = { id: string; title: string; slug: string; kind: "NEWS" | "INTERVIEW"; publishedAt: string; closedByHand: boolean; open: boolean; pending: number; published: number };

/** The newest published stories the actor moderates, with their comment counts and whether commenting is open. */
export async function commentStories(client: PrismaClient, actor: Actor, options: { closeAfterDays: number; take?: number }): Promise<CommentStory[]> {
  const orgs = moderatedOrganisations(actor);
  if (orgs !== null && !orgs.length) return [];
  const where: Prisma.StoryWhereInput = { ...publishedStoryWhere(), ...(orgs === null ? {} : { organisations: { some: { organisationId: { in: [...orgs] } } } }) };
  const stories = await client.story.findMany({
    where,
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: options.take ?? 30,
    select: { id: true, title: true, slug: true, kind: true, publishedAt: true, commentsClosed: true },
  });
  const counts = await client.comment.groupBy({ by: ["storyId", "status"], where: { storyId: { in: stories.map((s) => s.id) }, status: { in: ["PENDING", "PUBLISHED"] } }, _count: { _all: true } });
  const count = (storyId: string, status: CommentStatus) => counts.find((c) => c.storyId === storyId && c.status === status)?._count._all ?? 0;
  return stories.map((s) => ({
    id: s.id,
    title: s.title,
    slug: s.slug,
    kind: s.kind,
    publishedAt: s.publishedAt!.toISOString(),
    closedByHand: s.commentsClosed,
    open: commentsOpen({ commentsClosed: s.commentsClosed, publishedAt: s.publishedAt }, options.closeAfterDays),
    pending: count(s.id, "PENDING"),
    published: count(s.id, "PUBLISHED"),
  }));
}
