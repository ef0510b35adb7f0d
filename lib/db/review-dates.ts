import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { assertCan, can, type Actor, type Permission, type Subject } from "@/lib/auth/permissions";
import { audit } from "@/lib/db/audit";
import type { Mailer } from "@/lib/mail/mailer";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";
import { storyTitle } from "@/lib/newsroom/labels";
import { addMonths, calendarDateOf, dateColumn, formatCalendarDate, markReviewedSchema, REVIEW_INTERVAL_MONTHS, REVIEW_KIND_LABELS, setReviewDateSchema, todayInStockholm, type ReviewKind } from "@/lib/review-dates";
import { NOT_FOUND, parseOrInvalid, type CommandContext } from "./entities/shared";
import { publishedStoryWhere } from "./published";

// Review dates, "granskas senast" (issue 12, decision 024). A story, network or editorial page
// is overdue when its date has come; the newsroom overview lists what is overdue per
// organisation, "Markera som granskad" moves the date twelve months on, and the scheduler
// mails one reminder per overdue date. The date is the newsroom's own: no public page shows it,
// so changing it invalidates nothing.

const REQUIRED = "Välj ett datum: nätverk och sidor har alltid ett granskningsdatum.";

/** The record a review command touches, with what deciding who may touch it needs. */
type Target = { kind: ReviewKind; id: string; title: string; permission: Permission; subject: Subject };

async function loadTarget(client: PrismaClient, kind: ReviewKind, id: string): Promise<Target | null> {
  if (kind === "story") {
    const s = await client.story.findUnique({ where: { id }, select: { title: true, createdById: true, status: true, organisations: { select: { organisationId: true } } } });
    if (!s) return null;
    const story = { createdById: s.createdById, status: s.status, organisationIds: s.organisations.map((o) => o.organisationId) };
    return { kind, id, title: storyTitle(s.title), permission: "story.edit", subject: { story } };
  }
  if (kind === "network") {
    const n = await client.network.findUnique({ where: { id }, select: { name: true, ownerId: true, members: { select: { organisationId: true } } } });
    if (!n) return null;
    return { kind, id, title: n.name, permission: "network.manage", subject: { organisationIds: [n.ownerId, ...n.members.map((m) => m.organisationId)] } };
  }
  const p = await client.page.findUnique({ where: { id }, select: { title: true } });
  return p ? { kind, id, title: p.title, permission: "settings.manage", subject: undefined } : null;
}

/** Writes the date; a new date also re-arms the reminder. */
async function writeDate(tx: Prisma.TransactionClient, target: Target, reviewBy: Date | null): Promise<void> {
  const data = { reviewBy, reviewRemindedFor: null };
  if (target.kind === "story") await tx.story.update({ where: { id: target.id }, data });
  else if (target.kind === "network") await tx.network.update({ where: { id: target.id }, data: { ...data, reviewBy: reviewBy ?? undefined } });
  else await tx.page.update({ where: { id: target.id }, data: { ...data, reviewBy: reviewBy ?? undefined } });
}

async function authorisedTarget(client: PrismaClient, actor: Actor, input: unknown): Promise<Target | null> {
  const parsed = markReviewedSchema.safeParse(input);
  const target = parsed.success ? await loadTarget(client, parsed.data.kind, parsed.data.id) : null;
  if (target) assertCan(actor, target.permission, target.subject);
  return target;
}

/** Sets (or, for a story, clears) the date by which the record should be checked again. */
async function setReviewDate(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ reviewBy: string | null }>> {
  const target = await authorisedTarget(client, actor, input);
  if (!target) return failure(NOT_FOUND);
  const parsed = parseOrInvalid(setReviewDateSchema, input);
  if (!parsed.ok) return parsed.result;
  const day = parsed.data.reviewBy || null;
  if (!day && target.kind !== "story") return failure(REQUIRED, { reviewBy: REQUIRED });
  return client.$transaction(async (tx) => {
    await writeDate(tx, target, day ? dateColumn(day) : null);
    const summary = day ? `Satte granskningsdatum ${day} för ${target.title}` : `Tog bort granskningsdatumet för ${target.title}`;
    await audit(tx, { actor, action: "review.set", entityType: target.kind, entityId: target.id, summary, ip: ctx.ip });
    return success({ reviewBy: day }, [], day ? `Granskas senast ${formatCalendarDate(day)}.` : "Granskningsdatumet är borttaget.");
  });
}

/** The record has been checked: it is next due twelve months from today. */
async function markReviewed(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext & { now?: Date } = {}): Promise<CommandResult<{ reviewBy: string }>> {
  const target = await authorisedTarget(client, actor, input);
  if (!target) return failure(NOT_FOUND);
  const day = addMonths(todayInStockholm(ctx.now), REVIEW_INTERVAL_MONTHS);
  return client.$transaction(async (tx) => {
    await writeDate(tx, target, dateColumn(day));
    await audit(tx, { actor, action: "review.done", entityType: target.kind, entityId: target.id, summary: `Markerade ${target.title} som granskad; nästa granskning ${day}`, ip: ctx.ip });
    return success({ reviewBy: day }, [], `Markerad som granskad. Nästa granskning senast ${formatCalendarDate(day)}.`);
  });
}

export const reviewCommands = { setReviewDate, markReviewed };

// ─── What is overdue ─────────────────────────────────────────────────────────────────────────

export type OverdueItem = { kind: ReviewKind; id: string; title: string; reviewBy: string; href: string };
/** One organisation's overdue records; `organisation` null is the site's own editorial pages. */
export type OverdueGroup = { organisation: { id: string; name: string } | null; items: OverdueItem[] };

const MOST = 200;
const editHref = (kind: ReviewKind, id: string, slug: string) => (kind === "story" ? `/admin/artiklar/${id}` : kind === "network" ? `/admin/natverk/${id}` : `/${slug}`);

/**
 * What is overdue on `today` (Stockholm) that the actor may mark as reviewed, per organisation:
 * published stories under each of their organisations, networks under their owner, and for
 * administrators the editorial pages under "Webbplatsen".
 */
export async function overdueReviews(client: PrismaClient, actor: Actor, today = todayInStockholm()): Promise<OverdueGroup[]> {
  if (actor.role === "WRITER") return [];
  const due = { lte: dateColumn(today) };
  const org = { select: { id: true, name: true } };
  const [stories, networks, pages] = await Promise.all([
    client.story.findMany({
      where: { ...publishedStoryWhere(), reviewBy: due },
      select: { id: true, title: true, slug: true, reviewBy: true, createdById: true, status: true, organisations: { select: { organisation: org } } },
      orderBy: [{ reviewBy: "asc" }, { id: "asc" }],
      take: MOST,
    }),
    client.network.findMany({
      where: { reviewBy: due },
      select: { id: true, name: true, slug: true, reviewBy: true, owner: org, members: { select: { organisationId: true } } },
      orderBy: [{ reviewBy: "asc" }, { id: "asc" }],
      take: MOST,
    }),
    can(actor, "settings.manage") ? client.page.findMany({ where: { reviewBy: due }, select: { id: true, title: true, slug: true, reviewBy: true }, orderBy: [{ reviewBy: "asc" }, { id: "asc" }], take: MOST }) : [],
  ]);
  const groups = new Map<string, OverdueGroup>();
  const add = (organisation: OverdueGroup["organisation"], item: OverdueItem) => {
    const key = organisation?.id ?? "";
    const group = groups.get(key) ?? { organisation, items: [] };
    group.items.push(item);
    groups.set(key, group);
  };
  const mine = (organisationId: string) => actor.role === "ADMIN" || actor.organisationIds.includes(organisationId);
  for (const s of stories) {
    const story = { createdById: s.createdById, status: s.status, organisationIds: s.organisations.map((o) => o.organisation.id) };
    if (!can(actor, "story.edit", { story })) continue;
    const item: OverdueItem = { kind: "story", id: s.id, title: storyTitle(s.title), reviewBy: calendarDateOf(s.reviewBy!), href: editHref("story", s.id, s.slug) };
    for (const { organisation } of s.organisations) if (mine(organisation.id)) add(organisation, item);
  }
  for (const n of networks) {
    if (!can(actor, "network.manage", { organisationIds: [n.owner.id, ...n.members.map((m) => m.organisationId)] })) continue;
    add(n.owner, { kind: "network", id: n.id, title: n.name, reviewBy: calendarDateOf(n.reviewBy), href: editHref("network", n.id, n.slug) });
  }
  for (const p of pages) add(null, { kind: "page", id: p.id, title: p.title, reviewBy: calendarDateOf(p.reviewBy), href: editHref("page", p.id, p.slug) });
  return [...groups.values()].sort((a, b) => (a.organisation ? (b.organisation ? a.organisation.name.localeCompare(b.organisation.name, "sv") : -1) : 1));
}

// ─── Reminders ───────────────────────────────────────────────────────────────────────────────

type Due = { kind: ReviewKind; id: string; title: string; reviewBy: Date; path: string; recipients: string[] };

/** Who is reminded: a story's creator, else the editors of its organisations; a network's owner's editors; pages and anything without editors, the administrators. */
async function dueReminders(client: PrismaClient, today: string): Promise<Due[]> {
  const day = dateColumn(today);
  const notReminded = (table: "story" | "network" | "page") =>
    client.$queryRaw<{ id: string }[]>`SELECT id FROM ${Prisma.raw(table)} WHERE review_by <= ${day}::date AND review_reminded_for IS DISTINCT FROM review_by LIMIT ${MOST}`.then((rows) => rows.map((r) => r.id));
  const [storyIds, networkIds, pageIds] = await Promise.all([notReminded("story"), notReminded("network"), notReminded("page")]);
  // The scheduler asks on every tick: nothing due, nothing more to read.
  if (!storyIds.length && !networkIds.length && !pageIds.length) return [];
  const editorsOf = { staff: { where: { user: { role: { in: ["EDITOR" as const, "ADMIN" as const] } } }, select: { user: { select: { email: true } } } } };
  const [stories, networks, pages, admins] = await Promise.all([
    client.story.findMany({
      where: { id: { in: storyIds }, ...publishedStoryWhere() },
      select: { id: true, title: true, reviewBy: true, createdBy: { select: { email: true } }, organisations: { select: { organisation: { select: editorsOf } } } },
    }),
    client.network.findMany({ where: { id: { in: networkIds } }, select: { id: true, name: true, reviewBy: true, owner: { select: editorsOf } } }),
    client.page.findMany({ where: { id: { in: pageIds } }, select: { id: true, title: true, slug: true, reviewBy: true } }),
    client.user.findMany({ where: { role: "ADMIN" }, select: { email: true } }),
  ]);
  const orAdmins = (emails: string[]) => (emails.length ? [...new Set(emails)] : admins.map((a) => a.email));
  return [
    ...stories.map((s) => ({
      kind: "story" as const,
      id: s.id,
      title: storyTitle(s.title),
      reviewBy: s.reviewBy!,
      path: `/admin/artiklar/${s.id}`,
      recipients: orAdmins(s.createdBy ? [s.createdBy.email] : s.organisations.flatMap((o) => o.organisation.staff.map((u) => u.user.email))),
    })),
    ...networks.map((n) => ({ kind: "network" as const, id: n.id, title: n.name, reviewBy: n.reviewBy, path: `/admin/natverk/${n.id}`, recipients: orAdmins(n.owner.staff.map((u) => u.user.email)) })),
    ...pages.map((p) => ({ kind: "page" as const, id: p.id, title: p.title, reviewBy: p.reviewBy, path: `/${p.slug}`, recipients: orAdmins([]) })),
  ];
}

/**
 * Mails each recipient one reminder listing what of theirs is overdue and not yet reminded, then
 * marks each record reminded for its date once every mail about it went out. A mail that fails
 * leaves its records to the next run (a reminder may come twice, never not at all).
 */
export async function sendReviewReminders(client: PrismaClient, mailer: Mailer, options: { siteUrl: string; now?: Date }): Promise<{ mails: number; records: number }> {
  const due = await dueReminders(client, todayInStockholm(options.now));
  const byRecipient = new Map<string, Due[]>();
  for (const d of due) for (const to of d.recipients) byRecipient.set(to, [...(byRecipient.get(to) ?? []), d]);
  const failed = new Set<Due>();
  let mails = 0;
  for (const [to, list] of byRecipient) {
    const lines = list.map((d) => `- ${REVIEW_KIND_LABELS[d.kind]}: ${d.title} (granskas senast ${formatCalendarDate(calendarDateOf(d.reviewBy))})\n  ${options.siteUrl}${d.path}`);
    const text = [
      "Hej!",
      "",
      list.length === 1 ? "Det här borde ha granskats nu:" : "De här borde ha granskats nu:",
      "",
      ...lines,
      "",
      `Läs igenom innehållet, rätta det som inte stämmer längre och välj sedan "Markera som granskad" i redaktionen: ${options.siteUrl}/admin`,
      "",
      "Hälsningar, Näringslivsnytt",
    ].join("\n");
    try {
      await mailer.send({ to, subject: list.length === 1 ? `Dags att granska: ${list[0]!.title}` : `Dags att granska ${list.length} poster`, text, link: `${options.siteUrl}/admin` });
      mails++;
    } catch (err) {
      console.warn(`[review] reminder to ${to} failed: ${(err as Error).message}`);
      for (const d of list) failed.add(d);
    }
  }
  const done = due.filter((d) => !failed.has(d));
  for (const kind of ["story", "network", "page"] as const) {
    const reminded = done.filter((d) => d.kind === kind);
    if (!reminded.length) continue;
    const ids = reminded.map((d) => d.id);
    const days = reminded.map((d) => calendarDateOf(d.reviewBy));
    // Only for the date the mail named: a date changed meanwhile is reminded on its own.
    await client.$executeRaw`
      UPDATE ${Prisma.raw(kind)} t SET review_reminded_for = r.day
      FROM unnest(${ids}::uuid[], ${days}::date[]) AS r(id, day)
      WHERE t.id = r.id AND t.review_by = r.day`;
  }
  return { mails, records: done.length };
}
