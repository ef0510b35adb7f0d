import { after } from "next/server";
import { db } from "@/lib/db/client";
import { runLinkCheck } from "@/lib/db/link-check";
import { sendReviewReminders } from "@/lib/db/review-dates";
import { configuredMailer } from "@/lib/mail/mailer";
import { env } from "@/lib/env";
import { runScheduledWork } from "@/lib/db/editorial";
import { invalidate } from "@/lib/newsroom/run";
import { isSchedulerRequest } from "@/lib/newsroom/scheduler";

// The scheduler's entry point (see lib/newsroom/scheduler.ts): only the server's own timer,
// holding the token derived from BETTER_AUTH_SECRET, may call it.
export async function POST(request: Request) {
  if (!isSchedulerRequest(request)) return new Response("Forbidden", { status: 403 });
  const work = await runScheduledWork(db());
  invalidate(work.tags);
  if (work.published.length || work.purged) console.info(`[scheduler] published ${work.published.length}, emptied ${work.purged} from the trash`);
  // The link check makes requests to other sites: after the answer, so publishing never waits on it.
  after(() => runLinkCheck(db(), env().LINK_CHECK_INTERVAL_MINUTES));
  // Overdue review dates: one reminder per date, also after the answer.
  after(() => sendReviewReminders(db(), configuredMailer(), { siteUrl: env().SITE_URL }));
  return Response.json({ published: work.published.length, purged: work.purged });
}
