import { db } from "@/lib/db/client";
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
  return Response.json({ published: work.published.length, purged: work.purged });
}
