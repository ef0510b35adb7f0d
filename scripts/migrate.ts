// `npm run db:migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "./lib/embedded-pg";

const env = parseEnv();
const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT });
try {
  const { applied } = await migrate(env.DATABASE_URL ?? embedded!.url, { log: console.log });
  console.log(applied.length ? `${applied.length} migration(s) applied` : "database schema is up to date");
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
} finally {
  await embedded?.stop();
}
