// A complete, throwaway site for end-to-end tests and benchmarks: an embedded PostgreSQL in a
// temporary folder with the demo content (plus generated stories to page through), a
// production build, and `next start` on the given port.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { seedContent } from "@/lib/db/seed";
import { localMediaStorage } from "@/lib/media/storage";
import { createStaffUser } from "@/lib/db/users";
import { TEST_ADMIN, TEST_EDITOR, TEST_WRITER } from "@/tests/e2e/test-accounts";
import { migrate } from "@/lib/migrations";
import { createStory } from "@/tests/factories";
import { freePort } from "@/tests/setup/free-port";
import { BUILD_HASH_FILE, buildIsCurrent, sourceHash } from "./build-hash";
import { startEmbeddedPostgres } from "./embedded-pg";

export type TestServer = { url: string; databaseUrl: string; next: ChildProcess; stop: () => Promise<void> };

export async function startTestServer(opts: { port: number; archiveStories?: number; pgLog?: (line: string) => void }): Promise<TestServer> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-site-"));
  const mediaDir = path.join(dir, "media");
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true, log: opts.pgLog, logStatements: !!opts.pgLog });
  let next: ChildProcess | undefined;
  const stop = async () => {
    if (next && next.exitCode === null) {
      next.kill("SIGTERM");
      await new Promise((r) => next!.once("exit", r));
    }
    await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  };
  try {
    await migrate(pg.url);
    const client = createDb(pg.url);
    await seedContent(client, { contentDir: path.resolve("content"), storage: localMediaStorage(mediaDir) });
    // Older generated news about Lerum, so /nyheter and /kommuner/lerum have several pages.
    const lerum = await client.organisation.findUniqueOrThrow({ where: { slug: "lerum" } });
    for (let i = 1; i <= (opts.archiveStories ?? 14); i++) {
      await createStory(client, {
        slug: `arkivnyhet-${i}`,
        title: `Arkivnyhet nummer ${i} från Lerum`,
        lead: `En äldre nyhet som visar hur listorna delas upp i sidor, nummer ${i}.`,
        publishedAt: new Date(Date.UTC(2010, 0, 1, 8) + i * 86_400_000),
        organisationIds: [lerum.id],
      });
    }
    // A meeting a month ahead, so the network page has an upcoming meeting to show.
    const network = await client.network.findUniqueOrThrow({ where: { slug: "naringslivsnatverket-goteborgsregionen" } });
    await client.networkMeeting.create({
      data: { networkId: network.id, startsAt: new Date(Date.now() + 30 * 86_400_000), title: "Testträff för nätverket", place: "Lerums kulturhus" },
    });
    await createStaffUser(client, { ...TEST_ADMIN, role: "ADMIN" });
    await createStaffUser(client, { ...TEST_EDITOR, role: "EDITOR" });
    await createStaffUser(client, { ...TEST_WRITER, role: "WRITER" });
    await client.$disconnect();

    if (!buildIsCurrent()) {
      const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: pg.url, MEDIA_DIR: mediaDir } });
      if (build.status !== 0) throw new Error("next build failed");
      await writeFile(BUILD_HASH_FILE, sourceHash());
    }

    const url = `http://127.0.0.1:${opts.port}`;
    next = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(opts.port)], {
      stdio: ["ignore", "inherit", "inherit"],
      env: {
        ...process.env,
        NODE_ENV: "production",
        NEXT_TELEMETRY_DISABLED: "1",
        DATABASE_URL: pg.url,
        MEDIA_DIR: mediaDir,
        SITE_URL: url,
        BETTER_AUTH_SECRET: "test-secret-that-is-only-used-by-the-throwaway-test-site",
        AUTH_RATE_LIMIT: "off",
        PORT: String(opts.port),
        // Scheduled stories appear within two seconds, so the end-to-end test need not wait a minute.
        SCHEDULER_INTERVAL_SECONDS: "2",
      },
    });
    for (let i = 0; i < 600; i++) {
      if (next.exitCode !== null) throw new Error("next start exited");
      if (await fetch(`${url}/`).then((r) => r.ok).catch(() => false)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    return { url, databaseUrl: pg.url, next, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}
