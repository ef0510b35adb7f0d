import "server-only";
import { createHash, createHmac, randomBytes, randomUUID } from "node:crypto";
import { z } from "zod";
import type { AlertFrequency, AlertScope, Prisma, PrismaClient } from "@/generated/prisma/client";
import { storyPath } from "@/lib/paths";
import { publishedStoryWhere } from "@/lib/db/published";
import { enqueueMails, type OutboxMail } from "./alert-outbox";

// E-mail alerts (issue 11, decision 020): subscribing with double opt-in, confirming by a
// one-time link, unsubscribing by the manage token, and turning published stories into outbox
// mails (at once, or as a daily or weekly digest). Nothing here sends: lib/db/alert-outbox.ts does.
// Plain-text mails without tracking pixels or rewritten links.

type Client = PrismaClient;

export const CONFIRM_VALID_MS = 48 * 3600_000;
const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** What a mail needs that the database does not hold: the site's address and the key for manage tokens. */
export type AlertContext = { siteUrl: string; secret: string; now?: Date };

/**
 * The subscriber's manage token, derived from the server's secret and their id: the same in every
 * mail without being stored (only its hash is), so old mails' links keep working.
 */
export function manageTokenFor(subscriberId: string, secret: string): string {
  return createHmac("sha256", secret).update(`alerts-manage:${subscriberId}`).digest("base64url");
}

export const subscribeSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .max(254, { error: "E-postadressen är för lång." })
    .pipe(z.email({ error: "Skriv en e-postadress som namn@exempel.se." })),
  scope: z.enum(["SITE", "ORGANISATION", "TOPIC", "NETWORK"], { error: "Välj vad du vill bevaka." }),
  targetId: z.guid({ error: "Välj vad du vill bevaka." }).nullable(),
  frequency: z.enum(["IMMEDIATE", "DAILY", "WEEKLY"], { error: "Välj hur ofta du vill få e-post." }),
});

export type SubscribeInput = z.infer<typeof subscribeSchema>;

const FREQUENCY_TEXT: Record<AlertFrequency, string> = { IMMEDIATE: "så fort något publiceras", DAILY: "en gång om dagen", WEEKLY: "en gång i veckan" };

/** The list's name as a reader sees it ("Lerums kommun", "ämnet Export"), or null when it does not exist. */
async function listName(client: Client, scope: AlertScope, targetId: string | null): Promise<string | null> {
  if (scope === "SITE") return targetId ? null : "allt på Näringslivsnytt";
  if (!targetId) return null;
  if (scope === "ORGANISATION") return (await client.organisation.findUnique({ where: { id: targetId }, select: { name: true } }))?.name ?? null;
  if (scope === "TOPIC") {
    const topic = await client.topic.findUnique({ where: { id: targetId }, select: { name: true } });
    return topic ? `ämnet ${topic.name}` : null;
  }
  const network = await client.network.findUnique({ where: { id: targetId }, select: { name: true } });
  return network?.name ?? null;
}

function footer(ctx: AlertContext, subscriberId: string): string {
  return `Ändra eller avsluta dina bevakningar: ${ctx.siteUrl}/bevakning/${manageTokenFor(subscriberId, ctx.secret)}`;
}

/** RFC 8058 one-click unsubscribe from one list. */
function unsubscribeHeaders(ctx: AlertContext, subscriberId: string, subscriptionId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${ctx.siteUrl}/api/bevakning/avsluta/${manageTokenFor(subscriberId, ctx.secret)}/${subscriptionId}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
  };
}

/**
 * Starts a subscription: the address gets a one-time confirmation link (nothing is sent to it
 * until it is used). The answer is the same whether or not the address already follows the list,
 * so the form tells nobody who subscribes to what.
 */
export async function subscribe(client: Client, input: SubscribeInput, ctx: AlertContext): Promise<{ ok: true } | { ok: false; fieldErrors: Record<string, string> }> {
  const name = await listName(client, input.scope, input.targetId);
  if (!name) return { ok: false, fieldErrors: { scope: "Det du vill bevaka finns inte längre." } };
  const now = ctx.now ?? new Date();
  const token = randomBytes(32).toString("base64url");
  await client.$transaction(async (tx) => {
    const id = randomUUID();
    const subscriber = await tx.alertSubscriber.upsert({
      where: { email: input.email },
      create: { id, email: input.email, manageTokenHash: sha256(manageTokenFor(id, ctx.secret)) },
      update: {},
      select: { id: true },
    });
    const existing = await tx.alertSubscription.findFirst({ where: { subscriberId: subscriber.id, scope: input.scope, targetId: input.targetId }, select: { id: true, confirmedAt: true } });
    if (existing?.confirmedAt) return;
    const confirm = { confirmTokenHash: sha256(token), confirmExpiresAt: new Date(now.getTime() + CONFIRM_VALID_MS), frequency: input.frequency };
    const subscription = existing
      ? await tx.alertSubscription.update({ where: { id: existing.id }, data: confirm, select: { id: true } })
      : await tx.alertSubscription.create({ data: { subscriberId: subscriber.id, scope: input.scope, targetId: input.targetId, ...confirm }, select: { id: true } });
    const text = [
      "Hej!",
      "",
      `Någon, förhoppningsvis du, vill få e-post från Näringslivsnytt om ${name}, ${FREQUENCY_TEXT[input.frequency]}.`,
      "",
      `Bekräfta bevakningen här (länken gäller i två dygn): ${ctx.siteUrl}/bevakning/bekrafta/${token}`,
      "",
      "Om det inte var du behöver du inte göra något: utan bekräftelse skickar vi inget mer.",
    ].join("\n");
    await enqueueMails(tx, [{ dedupeKey: `confirm:${subscription.id}:${sha256(token).slice(0, 16)}`, subscriberId: subscriber.id, to: input.email, subject: `Bekräfta din bevakning av ${name}`, text, headers: {} }]);
  });
  return { ok: true };
}

/** Uses a confirmation link; only stories published from now on are mailed. */
export async function confirmSubscription(client: Client, token: string, now = new Date()): Promise<{ ok: true; list: string } | { ok: false }> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { ok: false };
  const row = await client.alertSubscription.findUnique({ where: { confirmTokenHash: sha256(token) }, select: { id: true, scope: true, targetId: true, confirmExpiresAt: true } });
  if (!row || !row.confirmExpiresAt || row.confirmExpiresAt <= now) return { ok: false };
  await client.alertSubscription.update({ where: { id: row.id }, data: { confirmedAt: now, confirmTokenHash: null, confirmExpiresAt: null, sentThrough: now } });
  return { ok: true, list: (await listName(client, row.scope, row.targetId)) ?? "listan" };
}

/** The subscriber a manage token belongs to. */
export async function subscriberByManageToken(client: Client, token: string): Promise<{ id: string; email: string } | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return client.alertSubscriber.findUnique({ where: { manageTokenHash: sha256(token) }, select: { id: true, email: true } });
}

/** One-click unsubscribe from one list (or, without a list, from all of them); true when something was removed. */
export async function unsubscribe(client: Client, token: string, subscriptionId?: string): Promise<boolean> {
  const subscriber = await subscriberByManageToken(client, token);
  if (!subscriber) return false;
  if (subscriptionId !== undefined && !z.guid().safeParse(subscriptionId).success) return false;
  const { count } = await client.alertSubscription.deleteMany({ where: { subscriberId: subscriber.id, ...(subscriptionId ? { id: subscriptionId } : {}) } });
  return count > 0;
}

// ─── From published stories to mails ─────────────────────────────────────────────────────────

const storySelect = {
  id: true,
  kind: true,
  slug: true,
  title: true,
  lead: true,
  publishedAt: true,
  organisations: { select: { organisationId: true } },
  topics: { select: { topicId: true } },
  networks: { select: { networkId: true } },
} satisfies Prisma.StorySelect;

type AlertStory = Prisma.StoryGetPayload<{ select: typeof storySelect }>;

/** The subscriptions a story concerns: the whole site, and each organisation, topic and network it is about. */
function concerns(story: AlertStory): Prisma.AlertSubscriptionWhereInput[] {
  return [
    { scope: "SITE" },
    { scope: "ORGANISATION", targetId: { in: story.organisations.map((o) => o.organisationId) } },
    { scope: "TOPIC", targetId: { in: story.topics.map((t) => t.topicId) } },
    { scope: "NETWORK", targetId: { in: story.networks.map((n) => n.networkId) } },
  ];
}

const storyLines = (ctx: AlertContext, s: AlertStory) => [s.title, s.lead, `${ctx.siteUrl}${storyPath(s)}`, ""];

/**
 * A story just published: one mail to each subscriber with a confirmed immediate subscription
 * it concerns (one mail however many of their lists it is on). Idempotent: calling it again
 * for the same story adds nothing.
 */
export async function enqueueStoryAlerts(client: Client, storyId: string, ctx: AlertContext): Promise<number> {
  const story = await client.story.findFirst({ where: { id: storyId, ...publishedStoryWhere(ctx.now) }, select: storySelect });
  if (!story) return 0;
  const subscriptions = await client.alertSubscription.findMany({
    where: { frequency: "IMMEDIATE", confirmedAt: { not: null, lte: story.publishedAt! }, OR: concerns(story) },
    select: { id: true, subscriber: { select: { id: true, email: true } } },
    orderBy: { createdAt: "asc" },
  });
  const bySubscriber = new Map<string, (typeof subscriptions)[number]>();
  for (const s of subscriptions) if (!bySubscriber.has(s.subscriber.id)) bySubscriber.set(s.subscriber.id, s);
  const mails: OutboxMail[] = [...bySubscriber.values()].map((s) => ({
    dedupeKey: `story:${story.id}:${s.subscriber.id}`,
    subscriberId: s.subscriber.id,
    to: s.subscriber.email,
    subject: story.title,
    text: ["Nytt på Näringslivsnytt:", "", ...storyLines(ctx, story), footer(ctx, s.subscriber.id)].join("\n"),
    headers: unsubscribeHeaders(ctx, s.subscriber.id, s.id),
  }));
  return enqueueMails(client, mails);
}

const PERIOD_MS: Record<"DAILY" | "WEEKLY", number> = { DAILY: 24 * 3600_000, WEEKLY: 7 * 24 * 3600_000 };

/**
 * The daily or weekly digests that are due: for each confirmed subscription whose period has
 * passed, the stories it concerns published since its watermark, as one mail. The mail and the
 * moved watermark are written in one transaction, so a crash leaves either both or neither.
 */
export async function enqueueDigests(client: Client, frequency: "DAILY" | "WEEKLY", ctx: AlertContext): Promise<{ mails: number }> {
  const now = ctx.now ?? new Date();
  const dueBefore = new Date(now.getTime() - PERIOD_MS[frequency]);
  const due = await client.alertSubscription.findMany({
    where: { frequency, confirmedAt: { not: null }, OR: [{ lastSentAt: null }, { lastSentAt: { lte: dueBefore } }] },
    select: { id: true, scope: true, targetId: true, sentThrough: true, confirmedAt: true, subscriber: { select: { id: true, email: true } } },
    take: 2000,
  });
  // One read of the stories and the name per list, not per subscription: a list's due
  // subscriptions share them, each taking those after its own watermark. The newest 50 after the
  // oldest watermark begin with the newest 50 after any later one, so the filter loses nothing.
  const byList = new Map<string, (typeof due)[number][]>();
  for (const sub of due) {
    const key = `${sub.scope}:${sub.targetId ?? ""}`;
    const group = byList.get(key);
    if (group) group.push(sub);
    else byList.set(key, [sub]);
  }
  const sinceOf = (sub: (typeof due)[number]) => sub.sentThrough ?? sub.confirmedAt!;
  let mails = 0;
  for (const group of byList.values()) {
    const { scope, targetId } = group[0]!;
    const oldest = new Date(Math.min(...group.map((sub) => sinceOf(sub).getTime())));
    const target =
      scope === "SITE"
        ? {}
        : scope === "ORGANISATION"
          ? { organisations: { some: { organisationId: targetId! } } }
          : scope === "TOPIC"
            ? { topics: { some: { topicId: targetId! } } }
            : { networks: { some: { networkId: targetId! } } };
    const listStories = await client.story.findMany({ where: { ...publishedStoryWhere(now), publishedAt: { gt: oldest, lte: now }, ...target }, select: storySelect, orderBy: { publishedAt: "desc" }, take: 50 });
    const name = listStories.length ? ((await listName(client, scope, targetId)) ?? "din bevakning") : "";
    for (const sub of group) {
      const since = sinceOf(sub);
      const stories = listStories.filter((story) => story.publishedAt! > since);
      await client.$transaction(async (tx) => {
        if (stories.length) {
          const text = [`${stories.length === 1 ? "En ny artikel" : `${stories.length} nya artiklar`} om ${name}:`, "", ...stories.flatMap((st) => storyLines(ctx, st)), footer(ctx, sub.subscriber.id)].join("\n");
          mails += await enqueueMails(tx, [
            {
              dedupeKey: `digest:${sub.id}:${stories[0]!.publishedAt!.toISOString()}`,
              subscriberId: sub.subscriber.id,
              to: sub.subscriber.email,
              subject: `${frequency === "DAILY" ? "Dagens" : "Veckans"} nyheter om ${name}`,
              text,
              headers: unsubscribeHeaders(ctx, sub.subscriber.id, sub.id),
            },
          ]);
        }
        await tx.alertSubscription.update({ where: { id: sub.id }, data: { lastSentAt: now, ...(stories.length ? { sentThrough: stories[0]!.publishedAt } : {}) } });
      });
    }
  }
  return { mails };
}

// ─── For administrators ──────────────────────────────────────────────────────────────────────

export type AlertListRow = { scope: AlertScope; targetId: string | null; name: string; confirmed: number; pending: number; addresses: string[] };

/** Every list with its number of confirmed and unconfirmed subscribers and the first addresses (administrators only, see the page). */
export async function alertLists(client: Client, addressesPerList = 50): Promise<AlertListRow[]> {
  const rows = await client.$queryRaw<{ scope: AlertScope; target_id: string | null; confirmed: number; pending: number; addresses: string[] }[]>`
    SELECT s.scope, s.target_id,
           count(*) FILTER (WHERE s.confirmed_at IS NOT NULL)::int AS confirmed,
           count(*) FILTER (WHERE s.confirmed_at IS NULL)::int AS pending,
           (array_agg(b.email ORDER BY b.email) FILTER (WHERE s.confirmed_at IS NOT NULL))[1:${addressesPerList}] AS addresses
    FROM alert_subscription s JOIN alert_subscriber b ON b.id = s.subscriber_id
    GROUP BY s.scope, s.target_id`;
  const named = await Promise.all(rows.map(async (r) => ({ scope: r.scope, targetId: r.target_id, name: (await listName(client, r.scope, r.target_id)) ?? "(borttagen)", confirmed: r.confirmed, pending: r.pending, addresses: r.addresses ?? [] })));
  return named.sort((a, b) => b.confirmed - a.confirmed || a.name.localeCompare(b.name, "sv"));
}

// ─── For the subscriber, by their manage token ───────────────────────────────────────────────

export type SubscriberList = { id: string; name: string; frequency: AlertFrequency; confirmed: boolean };

/** The address and lists a manage token belongs to, or null for an unknown token. */
export async function subscriberLists(client: Client, token: string): Promise<{ email: string; lists: SubscriberList[] } | null> {
  const subscriber = await subscriberByManageToken(client, token);
  if (!subscriber) return null;
  const rows = await client.alertSubscription.findMany({
    where: { subscriberId: subscriber.id },
    select: { id: true, scope: true, targetId: true, frequency: true, confirmedAt: true },
    orderBy: { createdAt: "asc" },
  });
  const lists = await Promise.all(rows.map(async (r) => ({ id: r.id, name: (await listName(client, r.scope, r.targetId)) ?? "(borttagen)", frequency: r.frequency, confirmed: r.confirmedAt !== null })));
  return { email: subscriber.email, lists };
}

export const changeFrequencySchema = z.object({
  subscriptionId: z.guid({ error: "Bevakningen finns inte." }),
  frequency: subscribeSchema.shape.frequency,
});

/** Changes how often one of the token's own lists is mailed; false when the list is not theirs. */
export async function changeFrequency(client: Client, token: string, input: z.infer<typeof changeFrequencySchema>): Promise<boolean> {
  const subscriber = await subscriberByManageToken(client, token);
  if (!subscriber) return false;
  const { count } = await client.alertSubscription.updateMany({ where: { id: input.subscriptionId, subscriberId: subscriber.id }, data: { frequency: input.frequency } });
  return count > 0;
}

/** The list a confirmation link is waiting to confirm, or null when it is malformed, used or expired (reads only). */
export async function pendingConfirmation(client: Client, token: string, now = new Date()): Promise<string | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const row = await client.alertSubscription.findUnique({ where: { confirmTokenHash: sha256(token) }, select: { scope: true, targetId: true, confirmExpiresAt: true } });
  if (!row?.confirmExpiresAt || row.confirmExpiresAt <= now) return null;
  return (await listName(client, row.scope, row.targetId)) ?? null;
}

/**
 * Unconfirmed subscriptions are kept only while their confirm link is valid (48 hours, as
 * /integritet says): after that the list is deleted, and an address left with no list at all is
 * deleted with its queued mails.
 */
export async function pruneUnconfirmed(client: Client, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - CONFIRM_VALID_MS);
  return client.$transaction(async (tx) => {
    const { count } = await tx.alertSubscription.deleteMany({ where: { confirmedAt: null, createdAt: { lt: cutoff } } });
    await tx.alertSubscriber.deleteMany({ where: { createdAt: { lt: cutoff }, subscriptions: { none: {} } } });
    return count;
  });
}
