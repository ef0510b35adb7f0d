import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Mailer } from "@/lib/mail/mailer";
import { deliverOutbox, pruneOutbox } from "./alert-outbox";
import { enqueueDigests, enqueueStoryAlerts, pruneUnconfirmed, type AlertContext } from "./alerts";
import { publishedStoryWhere } from "./published";

// The alerts' part of every scheduler tick (decision 020), run after the scheduler's answer:
// immediate alerts for stories published recently, the daily and weekly digests that are due,
// then the outbox handed to SMTP. Every step is idempotent, so a tick that dies half way is
// finished by the next one, and two ticks that overlap send nothing twice.

/**
 * How far back a tick looks for published stories without their immediate alerts. Publishing by
 * hand and by schedule both land here, whichever way a story became public; a server that was
 * down for less than this catches up. enqueueStoryAlerts is idempotent per story and subscriber.
 */
export const STORY_ALERT_WINDOW_MS = 48 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;
const g = globalThis as unknown as { alertsPrunedAt?: number };

export type AlertWork = { storyAlerts: number; digests: number; sent: number; failed: number; pruned: number };

export async function runAlertWork(client: PrismaClient, mailer: Mailer, opts: { ctx: AlertContext; host: string }): Promise<AlertWork> {
  const now = opts.ctx.now ?? new Date();
  const ctx = { ...opts.ctx, now };
  let storyAlerts = 0;
  // Nobody asked for immediate alerts: not a story needs looking at.
  if (await client.alertSubscription.findFirst({ where: { frequency: "IMMEDIATE", confirmedAt: { not: null } }, select: { id: true } })) {
    const stories = await client.story.findMany({
      where: { ...publishedStoryWhere(now), publishedAt: { gte: new Date(now.getTime() - STORY_ALERT_WINDOW_MS), lte: now } },
      select: { id: true },
      orderBy: { publishedAt: "asc" },
    });
    for (const s of stories) storyAlerts += await enqueueStoryAlerts(client, s.id, ctx);
  }
  const daily = await enqueueDigests(client, "DAILY", ctx);
  const weekly = await enqueueDigests(client, "WEEKLY", ctx);
  const { sent, failed } = await deliverOutbox(client, mailer, { host: opts.host });
  let pruned = 0;
  if (!g.alertsPrunedAt || now.getTime() - g.alertsPrunedAt >= PRUNE_EVERY_MS) {
    g.alertsPrunedAt = now.getTime();
    pruned = (await pruneOutbox(client, undefined, now)) + (await pruneUnconfirmed(client, now));
  }
  return { storyAlerts, digests: daily.mails + weekly.mails, sent, failed, pruned };
}
