import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { startNextServer, type NextServer } from "../../scripts/lib/next-server";
import { startFreezableProxy, type FreezableProxy } from "../setup/freezable-proxy";
import { freePort } from "../setup/free-port";
import { STORIES } from "./support";

// The database stops answering (a relay in front of it holds every byte, as a stopped
// PostgreSQL process does) under a server of its own: stored pages keep coming, a page that
// needs the database answers a Swedish 503 with Retry-After within its time-outs, the health
// check says 503, and everything answers again, without a restart, once the database does.
// Runs with the two-instance test, after the rest, on its own server.

test.describe.configure({ mode: "serial", timeout: 120_000 });

let proxy: FreezableProxy;
let server: NextServer;
let mediaDir: string;
const output: string[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  const databaseUrl = readFileSync(".data/e2e-db-url", "utf8").trim();
  const target = new URL(databaseUrl);
  proxy = await startFreezableProxy({ host: target.hostname, port: Number(target.port) });
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "nn-outage-media-"));
  server = await startNextServer({
    databaseUrl: proxy.url(databaseUrl),
    mediaDir,
    port: await freePort(),
    env: { DB_CONNECT_TIMEOUT_MS: "1000", DB_STATEMENT_TIMEOUT_MS: "1500", SCHEDULER_INTERVAL_SECONDS: "60" },
    onOutput: (chunk) => output.push(chunk),
  });
});

test.afterAll(async () => {
  proxy?.thaw();
  await server?.stop();
  await proxy?.close();
  if (mediaDir) await rm(mediaDir, { recursive: true, force: true });
});

test("stored pages keep coming, others answer 503 with Retry-After, and all recovers when the database is back", async ({ request }) => {
  const url = (p: string) => server.url + p;
  // Stored before the outage.
  for (let i = 0; i < 2; i++) expect((await request.get(url("/nyheter"))).status()).toBe(200);

  proxy.freeze();
  try {
    const stored = await request.get(url("/nyheter"));
    expect(stored.status()).toBe(200);

    // Never rendered on this server: it needs the database.
    const t0 = Date.now();
    const fresh = await request.get(url(STORIES.interview), { timeout: 30_000 });
    expect(fresh.status()).toBe(503);
    expect(fresh.headers()["retry-after"]).toBe("30");
    expect(await fresh.text()).toContain("Sidan kan inte visas just nu");
    // Connect and statement time-outs, not a hang.
    expect(Date.now() - t0).toBeLessThan(15_000);

    expect((await request.get(url("/api/halsa"), { timeout: 10_000 })).status()).toBe(503);
  } finally {
    proxy.thaw();
  }

  // Back without a restart.
  await expect.poll(async () => (await request.get(url("/api/halsa"))).status(), { timeout: 10_000 }).toBe(200);
  await expect.poll(async () => (await request.get(url(STORIES.interview))).status(), { timeout: 10_000 }).toBe(200);
});
