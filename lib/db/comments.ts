import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { CommentStatus, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor, type StoryAccess } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import {
  closeSchema,
  commentsOpen,
  commentSubmitSchema,
  DUPLICATE_WINDOW_MS,
  LIMIT_PER_EMAIL,
  LIMIT_PER_IP,
  LIMIT_WINDOW_MS,
  MAX_FORM_AGE_MS,
  MIN_FILL_MS,
  moderationIdSchema,
  normaliseBody,
  replySchema,
  RETENTION_DAYS,
} from "@/lib/comments/rules";
import { audit } from "@/lib/db/audit";
import { env } from "@/lib/env";
import type { Mailer } from "@/lib/mail/mailer";
import { storyTitle } from "@/lib/newsroom/labels";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";
import { NOT_FOUND, parseOrInvalid, type CommandContext } from "./entities/shared";
import { isPublished } from "./published";

// Readers' comments, pre-moderated (issue 11, decision 019). `submitComment` is the public,
// anonymous submit with its spam checks; `commentCommands` are the newsroom's moderation
// commands, each authorised by `comment.moderate` for the very comment's story and audited.
// Only what a reader can see changes the story page: approving, or touching a published
// comment, invalidates exactly that story's tag; a pending one invalidates nothing.

// ─── Secrets: the form token and the client address hash ────────────────────────────────────

let fallbackSecret: string | undefined;
/** BETTER_AUTH_SECRET in any real run; without it (a bare `next dev`), one per process. */
function secret(): string {
  return env().BETTER_AUTH_SECRET ?? (fallbackSecret ??= randomBytes(32).toString("hex"));
}

const hmac = (key: string, text: string) => createHmac("sha256", key).update(text).digest("base64url");

/** The client address, keyed and hashed: equal addresses give equal hashes, and the address is never stored. */
export function hashClientAddress(address: string, key = secret()): string {
  return hmac(`comment-ip:${key}`, address);
}

/** Signs when the form was shown, so the minimum fill time cannot be faked by the client. */
export function formToken(now = new Date(), key = secret()): string {
  const t = String(now.getTime());
  return `${t}.${hmac(`comment-form:${key}`, t)}`;
}

/** How long ago the form was shown; null when the token is missing, forged or stale. */
function formAge(token: string | undefined, now: Date, key: string): number | null {
  const [t, mac] = (token ?? "").split(".");
  if (!t || !mac || !/^\d+$/.test(t)) return null;
  const expected = Buffer.from(hmac(`comment-form:${key}`, t));
  const given = Buffer.from(mac);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  const age = now.getTime() - Number(t);
  return age >= 0 && age <= MAX_FORM_AGE_MS ? age : null;
}

// ─── The public submit ───────────────────────────────────────────────────────────────────────

export const SPAM_REFUSED = "Kommentaren kunde inte skickas eftersom formuläret fylldes i på ett sätt som liknar automatiska inlägg. Vänta en stund och skicka igen. Din text finns kvar.";
// Also the answer to a reader without JavaScript, whose form has no token yet: the answer carries
// a fresh one and every typed word, so sending again is all it takes.
export const FORM_STALE = "Formuläret behövde förnyas innan kommentaren kan tas emot. Kontrollera texten och skicka igen; den finns kvar.";
export const TOO_MANY = "Du har skickat många kommentarer på kort tid. Vänta en timme och försök igen. Din text finns kvar.";
export const DUPLICATE = "Du har redan skickat den här kommentaren. Den väntar på granskning.";
export const CLOSED = "Kommentarerna är stängda.";
export const WAITING = "Tack! Kommentaren väntar på granskning och visas när en redaktör har godkänt den.";

export type SubmitContext = { ip: string; now?: Date; secret?: string; closeAfterDays?: number };

/**
 * A reader's comment: validated, checked for spam (honeypot, minimum fill time, limits per
 * e-mail and per client address, a cap on links, duplicates), then stored as PENDING. The
 * story page does not change until a moderator approves it, so nothing is invalidated.
 */
export async function submitComment(client: PrismaClient, input: unknown, ctx: SubmitContext): Promise<CommandResult<{ id: string; storyId: string }>> {
  const now = ctx.now ?? new Date();
  const key = ctx.secret ?? secret();
  const parsed = parseOrInvalid(commentSubmitSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  if (data.website) return failure(SPAM_REFUSED);
  const age = formAge(data.formToken, now, key);
  if (age === null) return failure(FORM_STALE);
  if (age < MIN_FILL_MS) return failure(SPAM_REFUSED);

  const story = await client.story.findUnique({ where: { id: data.storyId }, select: { id: true, status: true, publishedAt: true, deletedAt: true, commentsClosed: true } });
  if (!story || !isPublished(story, now)) return failure(NOT_FOUND);
  if (!commentsOpen(story, ctx.closeAfterDays ?? env().COMMENTS_CLOSE_AFTER_DAYS, now)) return failure(CLOSED);

  const ipHash = hashClientAddress(ctx.ip, key);
  const since = (ms: number) => ({ gte: new Date(now.getTime() - ms) });
  const [byEmail, byIp, recent] = await Promise.all([
    client.comment.count({ where: { authorEmail: data.email, createdAt: since(LIMIT_WINDOW_MS) } }),
    client.comment.count({ where: { ipHash, createdAt: since(LIMIT_WINDOW_MS) } }),
    client.comment.findMany({ where: { OR: [{ authorEmail: data.email }, { ipHash }], createdAt: since(DUPLICATE_WINDOW_MS) }, select: { body: true }, take: 200 }),
  ]);
  const body = normaliseBody(data.body);
  if (recent.some((c) => normaliseBody(c.body) === body)) return failure(DUPLICATE);
  if (byEmail >= LIMIT_PER_EMAIL || byIp >= LIMIT_PER_IP) return failure(TOO_MANY);

  const comment = await client.comment.create({ data: { storyId: story.id, authorName: data.name, authorEmail: data.email, body: data.body, ipHash, createdAt: now }, select: { id: true } });
  return success({ id: comment.id, storyId: story.id }, [], WAITING);
}

/**
 * Mails the story's moderators (the editors of its organisations; the administrators when it
 * has none) that a comment waits. Called after the submit's answer; a failing mail is logged,
 * the comment waits in the queue all the same.
 */
export async function notifyModerators(client: PrismaClient, mailer: Mailer, commentId: string, options: { siteUrl: string }): Promise<number> {
  const comment = await client.comment.findUnique({
    where: { id: commentId },
    select: { authorName: true, body: true, story: { select: { title: true, organisations: { select: { organisation: { select: { staff: { where: { user: { role: "EDITOR" } }, select: { user: { select: { email: true } } } } } } } } } } },
  });
  if (!comment) return 0;
  let recipients = [...new Set(comment.story.organisations.flatMap((o) => o.organisation.staff.map((s) => s.user.email)))];
  if (!recipients.length) recipients = (await client.user.findMany({ where: { role: "ADMIN" }, select: { email: true } })).map((u) => u.email);
  const title = storyTitle(comment.story.title);
  const link = `${options.siteUrl}/admin/kommentarer`;
  const excerpt = comment.body.length > 300 ? `${comment.body.slice(0, 300)}…` : comment.body;
  const text = ["Hej!", "", `${comment.authorName} har kommenterat "${title}":`, "", excerpt, "", `Godkänn, avvisa eller svara i redaktionen: ${link}`, "", "Hälsningar, Näringslivsnytt"].join("\n");
  let sent = 0;
  for (const to of recipients) {
    try {
      await mailer.send({ to, subject: `Kommentar väntar på granskning: ${title}`, text, link });
      sent++;
    } catch (err) {
      console.warn(`[comments] notifying ${to} failed: ${(err as Error).message}`);
    }
  }
  return sent;
}

// ─── Moderation commands ─────────────────────────────────────────────────────────────────────

type Loaded = { id: string; status: CommentStatus; authorName: string; story: StoryAccess & { id: string; slug: string; title: string; published: boolean } };

export const storyAccessSelect = { id: true, slug: true, title: true, status: true, publishedAt: true, deletedAt: true, createdById: true, organisations: { select: { organisationId: true } } } as const;

type StoryRow = { id: string; slug: string; title: string; status: string; publishedAt: Date | null; deletedAt: Date | null; createdById: string | null; organisations: { organisationId: string }[] };
export const storyAccessOf = (s: StoryRow) => ({
  id: s.id,
  slug: s.slug,
  title: storyTitle(s.title),
  status: s.status,
  createdById: s.createdById,
  organisationIds: s.organisations.map((o) => o.organisationId),
  published: isPublished(s),
});

/** The comment the input names, after the actor is found allowed to moderate its story; null when there is none. */
async function authorisedComment(client: PrismaClient, actor: Actor, input: unknown): Promise<Loaded | null> {
  const parsed = moderationIdSchema.safeParse(input);
  if (!parsed.success) return null;
  const c = await client.comment.findUnique({ where: { id: parsed.data.id }, select: { id: true, status: true, authorName: true, story: { select: storyAccessSelect } } });
  if (!c) return null;
  const story = storyAccessOf(c.story);
  assertCan(actor, "comment.moderate", { story });
  return { id: c.id, status: c.status, authorName: c.authorName, story };
}

/** The story page shows published comments only: a change shows there when the comment is, or was, published. */
const tagsFor = (c: Loaded, visible: boolean) => (c.story.published && visible ? [tags.story(c.story.slug)] : []);

const STATUS_VERB: Record<Exclude<CommentStatus, "PENDING">, { action: string; summary: string; message: string }> = {
  PUBLISHED: { action: "comment.approve", summary: "Godkände", message: "Kommentaren är godkänd och visas på artikeln." },
  REJECTED: { action: "comment.reject", summary: "Avvisade", message: "Kommentaren är avvisad." },
  SPAM: { action: "comment.spam", summary: "Markerade som skräp", message: "Kommentaren är markerad som skräp." },
};

async function moderate(client: PrismaClient, actor: Actor, input: unknown, status: Exclude<CommentStatus, "PENDING">, ctx: CommandContext): Promise<CommandResult<{ status: CommentStatus }>> {
  const c = await authorisedComment(client, actor, input);
  if (!c) return failure(NOT_FOUND);
  const verb = STATUS_VERB[status];
  return client.$transaction(async (tx) => {
    await tx.comment.update({ where: { id: c.id }, data: { status, moderatedAt: new Date(), moderatedById: actor.id } });
    await audit(tx, { actor, action: verb.action, entityType: "comment", entityId: c.id, summary: `${verb.summary} en kommentar av ${c.authorName} på ${c.story.title}`, ip: ctx.ip });
    return success({ status }, tagsFor(c, c.status === "PUBLISHED" || status === "PUBLISHED"), verb.message);
  });
}

const approveComment = (client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}) => moderate(client, actor, input, "PUBLISHED", ctx);
const rejectComment = (client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}) => moderate(client, actor, input, "REJECTED", ctx);
const markSpam = (client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}) => moderate(client, actor, input, "SPAM", ctx);

const NOT_YOUR_ORGANISATION = "Svara som en av artikelns organisationer som du är redaktör för.";

/** The organisation's reply, shown under the comment as the organisation; an empty reply removes it. */
async function replyToComment(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const c = await authorisedComment(client, actor, input);
  if (!c) return failure(NOT_FOUND);
  const parsed = parseOrInvalid(replySchema, input);
  if (!parsed.ok) return parsed.result;
  const { organisationId, reply } = parsed.data;
  const mine = actor.role === "ADMIN" || actor.organisationIds.includes(organisationId);
  if (!c.story.organisationIds.includes(organisationId) || !mine) return failure(NOT_YOUR_ORGANISATION, { organisationId: NOT_YOUR_ORGANISATION });
  return client.$transaction(async (tx) => {
    const data = reply ? { replyBody: reply, replyOrganisationId: organisationId, replyById: actor.id, repliedAt: new Date() } : { replyBody: null, replyOrganisationId: null, replyById: null, repliedAt: null };
    await tx.comment.update({ where: { id: c.id }, data });
    const summary = reply ? `Svarade på en kommentar av ${c.authorName} på ${c.story.title}` : `Tog bort svaret på en kommentar av ${c.authorName} på ${c.story.title}`;
    await audit(tx, { actor, action: "comment.reply", entityType: "comment", entityId: c.id, summary, ip: ctx.ip });
    return success(null, tagsFor(c, c.status === "PUBLISHED"), reply ? "Svaret är sparat." : "Svaret är borttaget.");
  });
}

/** Deletes a comment for good (a published one disappears from the story). */
async function deleteComment(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const c = await authorisedComment(client, actor, input);
  if (!c) return failure(NOT_FOUND);
  return client.$transaction(async (tx) => {
    await tx.comment.delete({ where: { id: c.id } });
    await audit(tx, { actor, action: "comment.delete", entityType: "comment", entityId: c.id, summary: `Tog bort en kommentar av ${c.authorName} på ${c.story.title}`, ip: ctx.ip });
    return success(null, tagsFor(c, c.status === "PUBLISHED"), "Kommentaren är borttagen.");
  });
}

/** Closes (or opens again) commenting on one story; the story page shows the form or "Kommentarerna är stängda". */
async function setCommentsClosed(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ closed: boolean }>> {
  const parsed = closeSchema.safeParse(input);
  const row = parsed.success ? await client.story.findUnique({ where: { id: parsed.data.storyId }, select: storyAccessSelect }) : null;
  if (!parsed.success || !row) return failure(NOT_FOUND);
  const story = storyAccessOf(row);
  assertCan(actor, "comment.moderate", { story });
  const { closed } = parsed.data;
  return client.$transaction(async (tx) => {
    await tx.story.update({ where: { id: story.id }, data: { commentsClosed: closed } });
    await audit(tx, { actor, action: "comment.close", entityType: "story", entityId: story.id, summary: `${closed ? "Stängde" : "Öppnade"} kommentarerna på ${story.title}`, ip: ctx.ip });
    return success({ closed }, story.published ? [tags.story(story.slug)] : [], closed ? "Kommentarerna är stängda." : "Kommentarerna är öppna.");
  });
}

export const commentCommands = { approveComment, rejectComment, markSpam, replyToComment, deleteComment, setCommentsClosed };

// ─── Retention ───────────────────────────────────────────────────────────────────────────────

/** Deletes rejected and spam comments moderated more than RETENTION_DAYS ago; published and pending ones stay. */
export async function purgeOldComments(client: PrismaClient, now = new Date()): Promise<number> {
  const before = new Date(now.getTime() - RETENTION_DAYS * 24 * 60 * 60 * 1000);
  const { count } = await client.comment.deleteMany({ where: { status: { in: ["REJECTED", "SPAM"] }, OR: [{ moderatedAt: { lt: before } }, { moderatedAt: null, createdAt: { lt: before } }] } });
  if (count) await audit(client, { actor: null, action: "comment.purge", entityType: "comment", summary: `Tog bort ${count} avvisade kommentarer och skräpkommentarer äldre än ${RETENTION_DAYS} dagar` });
  return count;
}
