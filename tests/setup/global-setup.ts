import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { freePort } from "./free-port";

declare module "vitest" {
  export interface ProvidedContext {
    pgAdminUrl: string;
  }
}

// One throwaway PostgreSQL for the whole integration run, with a migrated template
// database that every test file clones (CREATE DATABASE … TEMPLATE takes ~50 ms).
export default async function setup(project: TestProject) {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-test-pg-"));
  const pgServer = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: await freePort(), database: "app_template", ephemeral: true });
  await migrate(pgServer.url);
  const admin = new pg.Client({ connectionString: pgServer.adminUrl });
  await admin.connect();
  await admin.query("ALTER DATABASE app_template WITH IS_TEMPLATE true");
  await admin.end();
  project.provide("pgAdminUrl", pgServer.adminUrl);
  return async () => {
    await pgServer.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
