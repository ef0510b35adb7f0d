// `next build` for the test run: the build renders the static routes once (decision 012), so it
// needs a database with our schema. Their output is never served, so an empty, throwaway one
// will do; `npm start` and the test site build against their own database instead.
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/migrations";
import { freePort } from "@/tests/setup/free-port";
import { startEmbeddedPostgres } from "./embedded-pg";

export async function buildWithThrowawayDatabase(env: Record<string, string> = {}): Promise<boolean> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-build-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
  try {
    await migrate(pg.url);
    const build = spawnSync("node_modules/.bin/next", ["build"], {
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...env, DATABASE_URL: pg.url },
    });
    return build.status === 0;
  } finally {
    await pg.stop().catch(() => {});
    await rm(dir, { recursive: true, force: true });
  }
}
