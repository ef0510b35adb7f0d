import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PrismaClient } from "@/generated/prisma/client";
import { createDb, db } from "@/lib/db/client";
import { saveStory } from "@/lib/db/editorial";
import { isDatabaseUnavailable } from "@/lib/db/unavailable";
import { createActor, createOrganisation, storyFieldsInput } from "../factories";
import { startFreezableProxy, type FreezableProxy } from "../setup/freezable-proxy";

// The app against a database that stops answering (a relay that holds every byte, as a stopped
// PostgreSQL process does) and one that refuses connections: every path gives up within its
// time-out with an error the app recognises as "unavailable", and the same client works again,
// without a restart, once the database answers.

const TIMEOUTS = { DB_CONNECT_TIMEOUT_MS: 800, DB_STATEMENT_TIMEOUT_MS: 1000, DB_POOL_SIZE: 2 };
let proxy: FreezableProxy;
let client: PrismaClient;

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL!);
  proxy = await startFreezableProxy({ host: url.hostname, port: Number(url.port) });
  client = createDb(proxy.url(process.env.DATABASE_URL!), TIMEOUTS);
  await client.$queryRaw`SELECT 1`;
});

afterAll(async () => {
  proxy.thaw();
  await client.$disconnect();
  await proxy.close();
});

/** How long `run` took to fail, and with what. */
async function failure(run: () => Promise<unknown>): Promise<{ ms: number; err: unknown }> {
  const t0 = performance.now();
  const err = await run().then(
    () => {
      throw new Error("expected a failure");
    },
    (e: unknown) => e,
  );
  return { ms: performance.now() - t0, err };
}

describe("a database that stops answering", () => {
  it("fails a query on an open connection within the statement time-out, as unavailable", async () => {
    proxy.freeze();
    const { ms, err } = await failure(() => client.topic.findMany());
    proxy.thaw();
    expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    // query_timeout is the statement time-out plus a second; the slack is for a busy machine.
    expect(ms).toBeLessThan(TIMEOUTS.DB_STATEMENT_TIMEOUT_MS + 1000 + 3000);
  });

  it("fails a save (an interactive transaction) within its time-outs, as unavailable, and saves once it answers", async () => {
    const org = await createOrganisation(db(), { slug: `avbrott-${Date.now()}`, name: "Avbrottskommunen" });
    const writer = await createActor(db(), { role: "WRITER", organisationIds: [org.id] });
    const input = { id: null, version: 0, fields: storyFieldsInput({ title: "Sparas trots avbrott", organisationIds: [org.id] }) };
    proxy.freeze();
    const { ms, err } = await failure(() => saveStory(client, writer, input));
    proxy.thaw();
    expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    expect(ms).toBeLessThan(15_000);
    // Recovery without a restart: the same client, the same pool.
    const saved = await saveStory(client, writer, input);
    expect(saved.ok).toBe(true);
  });

  it("answers at once when connections are refused, as unavailable", async () => {
    const closed = createDb("postgresql://postgres:postgres@127.0.0.1:1/ingen", TIMEOUTS);
    const { ms, err } = await failure(() => closed.topic.count());
    await closed.$disconnect();
    expect(isDatabaseUnavailable(err), String(err)).toBe(true);
    expect(ms).toBeLessThan(5000);
  });

  it("calls a connection the server ended (a restart, an administrator) unavailable, in model and raw queries", async () => {
    const runs: [string, (tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0]) => Promise<unknown>][] = [
      ["a model query", (tx) => tx.topic.deleteMany({ where: { slug: "finns-inte" } })],
      ["a raw query", (tx) => tx.$queryRaw`SELECT 1`],
    ];
    for (const [what, run] of runs) {
      const err = await client
        .$transaction(async (tx) => {
          const [row] = await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS pid`;
          // What every open connection gets when PostgreSQL shuts down: 57P01.
          await db().$queryRaw`SELECT pg_terminate_backend(${row!.pid}::int)`;
          return run(tx);
        })
        .then(() => null, (e: unknown) => e);
      expect(err, what).not.toBeNull();
      expect(isDatabaseUnavailable(err), `${what}: ${String(err)}`).toBe(true);
    }
    expect(await client.topic.count()).toBeGreaterThanOrEqual(0);
  });

  it("does not call a refused write or a bug unavailable", async () => {
    const err = await db().topic.create({ data: { slug: "x".repeat(10), name: null as unknown as string } }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(err)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
  });
});
