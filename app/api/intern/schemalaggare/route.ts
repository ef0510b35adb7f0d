import { after } from "next/server";
import { db } from "@/lib/db/client";
import { purgeOldComments } from "@/lib/db/comments";
import { runLinkCheck } from "@/lib/db/link-check";
import { sendReviewReminders } from "@/lib/db/review-dates";
import { alertContext } from "@/lib/db/alert-readers";
import { runAlertWork } from "@/lib/db/alert-schedule";
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
  // Rejected and spam comments are kept 30 days after moderation (decision 019).
  after(() => purgeOldComments(db()));
  // The link check makes requests to other sites: after the answer, so publishing never waits on it.
  after(() => runLinkCheck(db(), env().LINK_CHECK_INTERVAL_MINUTES));
  // Overdue review dates: one reminder per date, also after the answer.
  after(() => sendReviewReminders(db(), configuredMailer(), { siteUrl: env().SITE_URL }));
  // E-mail alerts: new stories' immediate alerts, due digests, then the outbox to SMTP (decision 020).
  after(async () => {
    // One SMTP connection for the whole run, however many mails it sends.
    const mailer = configuredMailer({ pooled: true });
    try {
      const work = await runAlertWork(db(), mailer, { ctx: alertContext(), host: new URL(env().SITE_URL).hostname });
      if (work.storyAlerts || work.digests || work.sent || work.failed) console.info(`[alerts] queued ${work.storyAlerts} alerts and ${work.digests} digests, sent ${work.sent}, failed ${work.failed}`);
    } catch (err) {
      console.error(`[alerts] scheduled work failed: ${(err as Error).message}`);
    } finally {
      mailer.close();
    }
  });
  return Response.json({ published: work.published.length, purged: work.purged });
}
