import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";
import { runScheduledWork } from "@/lib/db/editorial";
import { databaseUrl } from "@/lib/env";
import { LeaderLease } from "@/lib/newsroom/leader-lock";
import { SCHEDULER_LOCK_KEY as KEY } from "@/lib/newsroom/scheduler";
import { createStory } from "../factories";
import { freePort } from "../setup/free-port";

// The scheduler on several server instances: one leader at a time through a PostgreSQL
// advisory lock, another takes over when the leader's process dies, and the work stays safe
// if two runs overlap anyway.

const leases: LeaderLease[] = [];

function lease(onChange?: (leader: boolean) => void): LeaderLease {
  const l = new LeaderLease({ connectionString: databaseUrl, key: KEY, onChange });
  leases.push(l);
  return l;
}

async function sql<T extends pg.QueryResultRow>(text: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: databaseUrl() });
  await c.connect();
  try {
    return (await c.query<T>(text, params)).rows;
  } finally {
    await c.end();
  }
}

/** The backends that hold the scheduler's lock, as PostgreSQL sees them. */
async function holders(): Promise<number[]> {
  const rows = await sql<{ pid: number }>(
    `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND database = (SELECT oid FROM pg_database WHERE datname = current_database())
       AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = $1`,
    [KEY],
  );
  return rows.map((r) => r.pid);
}

afterEach(async () => {
  await Promise.all(leases.splice(0).map((l) => l.release()));
});

describe("the scheduler's leader lease", () => {
  it("lets one instance lead; when its process dies another takes over on its next attempt", async () => {
    const changes: boolean[] = [];
    const first = lease((leader) => changes.push(leader));
    const second = lease();
    expect(await holders()).toEqual([]);

    expect(await first.ensure()).toBe(true);
    expect(await second.ensure()).toBe(false);
    // Again on the next tick: the leader stays leader without taking the lock twice.
    expect(await first.ensure()).toBe(true);
    expect(await second.ensure()).toBe(false);
    const [leaderPid, ...others] = await holders();
    expect(others).toEqual([]);
    expect(changes).toEqual([true]);

    // A dead process: PostgreSQL ends its session (and waits until it has).
    const [terminated] = await sql<{ done: boolean }>("SELECT pg_terminate_backend($1, 5000) AS done", [leaderPid]);
    expect(terminated?.done).toBe(true);

    expect(await second.ensure()).toBe(true);
    const [newPid, ...rest] = await holders();
    expect(newPid).not.toBe(leaderPid);
    expect(rest).toEqual([]);
    // The old leader notices, reconnects on its next tick and finds the lock taken.
    await expect.poll(() => first.isLeader).toBe(false);
    expect(await first.ensure()).toBe(false);
    expect(changes).toEqual([true, false]);
  });

  it("hands over at once when the leader shuts down cleanly", async () => {
    const first = lease();
    const second = lease();
    expect(await first.ensure()).toBe(true);
    expect(await second.ensure()).toBe(false);
    await first.release();
    expect(first.isLeader).toBe(false);
    expect(await second.ensure()).toBe(true);
    expect((await holders()).length).toBe(1);
  });

  it("does not lead, and does not throw, while the database cannot be reached", async () => {
    const url = new URL(databaseUrl()!);
    url.port = String(await freePort());
    const errors: string[] = [];
    const unreachable = new LeaderLease({ connectionString: () => url.toString(), key: KEY, timeoutMs: 1000, onError: (m) => errors.push(m) });
    leases.push(unreachable);
    expect(await unreachable.ensure()).toBe(false);
    expect(await unreachable.ensure()).toBe(false);
    // Reported once, not on every tick.
    expect(errors).toHaveLength(1);
  });
});

describe("two scheduled runs at once", () => {
  /**
   * A client on which another instance's whole run happens right after this run's n-th
   * story query has answered: the other instance changes the rows this run is about to touch.
   */
  function withRivalAfterQuery(n: number, now: Date): PrismaClient {
    const real = db();
    let calls = 0;
    const story = new Proxy(real.story, {
      get(target, prop) {
        const value = Reflect.get(target, prop);
        if (prop !== "findMany") return typeof value === "function" ? value.bind(target) : value;
        return async (args: unknown) => {
          const rows = await (value as (a: unknown) => Promise<unknown>).call(target, args);
          if (++calls === n) await runScheduledWork(real, now);
          return rows;
        };
      },
    });
    return new Proxy(real, {
      get(target, prop) {
        if (prop === "story") return story;
        const value = Reflect.get(target, prop);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }

  async function dueAndOld(now: Date) {
    const due = await createStory(db(), { status: "SCHEDULED", publishedAt: new Date(now.getTime() - 60_000) });
    const old = await createStory(db(), { status: "DRAFT", publishedAt: null });
    await db().story.update({ where: { id: old.id }, data: { deletedAt: new Date(now.getTime() - 31 * 24 * 3600 * 1000) } });
    return { due, old };
  }

  for (const [n, what] of [[1, "publishing"], [2, "emptying the trash"]] as const) {
    it(`publishes and purges each story once when another run overtakes this one while ${what}`, async () => {
      const now = new Date();
      const { due, old } = await dueAndOld(now);
      const work = await runScheduledWork(withRivalAfterQuery(n, now), now);
      // The rival did the overlapping part; this run neither repeats it nor fails on it.
      expect(work.published.includes(due.id)).toBe(n === 2);
      expect(work.purged).toBe(0);
      expect((await db().story.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("PUBLISHED");
      expect(await db().story.findUnique({ where: { id: old.id } })).toBeNull();
      expect(await db().auditLog.count({ where: { entityId: due.id, action: "story.publish" } })).toBe(1);
      expect(await db().auditLog.count({ where: { entityId: old.id, action: "story.purge" } })).toBe(1);
    });
  }
});
