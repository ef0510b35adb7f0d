// The server the end-to-end tests run against: a throwaway embedded PostgreSQL with the
// demo content plus enough generated stories to page through, and a production build
// served by `next start`. Playwright starts it and stops it with SIGTERM.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { seedContent } from "@/lib/db/seed";
import { migrate } from "@/lib/migrations";
import { createStory } from "@/tests/factories";
import { freePort } from "@/tests/setup/free-port";
import { BUILD_HASH_FILE, buildIsCurrent, sourceHash } from "./lib/build-hash";
import { startEmbeddedPostgres } from "./lib/embedded-pg";

const PORT = Number(process.env.E2E_PORT ?? 3200);
export const E2E_DB_URL_FILE = ".data/e2e-db-url";

const dir = await mkdtemp(path.join(os.tmpdir(), "nn-e2e-"));
const mediaDir = path.join(dir, "media");
const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
let next: ChildProcess | undefined;

async function shutdown(code: number) {
  if (next && next.exitCode === null) {
    next.kill("SIGTERM");
    await new Promise((r) => next!.once("exit", r));
  }
  await pg.stop().catch(() => {});
  await rm(dir, { recursive: true, force: true });
  process.exit(code);
}
process.on("SIGTERM", () => void shutdown(0));
process.on("SIGINT", () => void shutdown(0));

try {
  await migrate(pg.url);
  const client = createDb(pg.url);
  await seedContent(client, { contentDir: path.resolve("content"), mediaDir });
  // Older generated news about Lerum, so /nyheter and /kommuner/lerum have several pages.
  const lerum = await client.organisation.findUniqueOrThrow({ where: { slug: "lerum" } });
  for (let i = 1; i <= 14; i++) {
    await createStory(client, {
      slug: `arkivnyhet-${i}`,
      title: `Arkivnyhet nummer ${i} från Lerum`,
      lead: `En äldre nyhet som visar hur listorna delas upp i sidor, nummer ${i}.`,
      publishedAt: new Date(Date.UTC(2010, 0, i, 8)),
      organisationIds: [lerum.id],
    });
  }
  await client.$disconnect();
  await mkdir(".data", { recursive: true });
  await writeFile(E2E_DB_URL_FILE, pg.url);

  if (!buildIsCurrent()) {
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    if (build.status !== 0) throw new Error("next build failed");
    await writeFile(BUILD_HASH_FILE, sourceHash());
  }

  next = spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(PORT)], {
    stdio: "inherit",
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: pg.url,
      MEDIA_DIR: mediaDir,
      SITE_URL: `http://127.0.0.1:${PORT}`,
    },
  });
  next.on("exit", (code) => void shutdown(code ?? 1));
} catch (err) {
  console.error(err);
  await shutdown(1);
}
