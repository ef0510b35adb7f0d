import { createHmac, timingSafeEqual } from "node:crypto";
import { databaseUrl, env, ownOrigin } from "@/lib/env";
import { LeaderLease } from "./leader-lock";

// The scheduler: a timer inside the server process that, every SCHEDULER_INTERVAL_SECONDS,
// asks this same server to run the scheduled work (publish stories whose time has come,
// empty the trash). It goes through an internal route handler because Next only lets cache
// tags be invalidated inside a request; no reader's request is ever needed.
// Every instance runs the timer, but only the one holding the leader lease (decision 014)
// calls the route; when that process dies another instance takes over at its next tick.

export const SCHEDULER_PATH = "/api/intern/schemalaggare";
/** The advisory lock key of the scheduler's lease (the migrations use 7_245_119_001). */
export const SCHEDULER_LOCK_KEY = 7_245_119_002;

/** The shared secret the timer proves itself with, derived from the auth secret. */
export function schedulerToken(): string {
  const secret = env().BETTER_AUTH_SECRET;
  if (!secret) throw new Error("BETTER_AUTH_SECRET is not set");
  return createHmac("sha256", secret).update("naringslivsnytt-scheduler").digest("hex");
}

export function isSchedulerRequest(request: Request): boolean {
  const given = request.headers.get("authorization")?.replace(/^Bearer /, "") ?? "";
  const expected = schedulerToken();
  return given.length === expected.length && timingSafeEqual(Buffer.from(given), Buffer.from(expected));
}

const g = globalThis as unknown as { schedulerTimer?: NodeJS.Timeout };

export function startScheduler(): void {
  if (g.schedulerTimer || !env().BETTER_AUTH_SECRET) return;
  const intervalMs = env().SCHEDULER_INTERVAL_SECONDS * 1000;
  // No shutdown hook: a process that exits closes its connection, which frees the lock.
  const lease = new LeaderLease({
    connectionString: databaseUrl,
    key: SCHEDULER_LOCK_KEY,
    onChange: (leader, reason) =>
      leader ? console.info("[scheduler] this instance now runs the scheduled work") : console.warn(`[scheduler] this instance no longer runs the scheduled work (${reason})`),
    onError: (message) => console.warn(`[scheduler] cannot reach the database for the leader lock: ${message}`),
  });
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      if (!(await lease.ensure())) return;
      const res = await fetch(`${ownOrigin()}${SCHEDULER_PATH}`, { method: "POST", headers: { authorization: `Bearer ${schedulerToken()}` } });
      if (!res.ok) console.warn(`[scheduler] ${SCHEDULER_PATH} answered ${res.status}`);
    } catch (err) {
      // The server may not be listening yet on the first tick.
      console.warn(`[scheduler] ${(err as Error).message}`);
    } finally {
      running = false;
    }
  };
  g.schedulerTimer = setInterval(tick, intervalMs);
  g.schedulerTimer.unref();
  console.info(`[scheduler] publishing scheduled stories every ${env().SCHEDULER_INTERVAL_SECONDS} s`);
}
