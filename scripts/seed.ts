// `npm run db:seed`: loads content/ into the database; safe to run any number of times.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "./lib/embedded-pg";
import { seed } from "./lib/seed";

const env = parseEnv();
const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT });
const url = env.DATABASE_URL ?? embedded!.url;
try {
  await migrate(url, { log: console.log });
  await seed(url, { log: console.log });
} finally {
  await embedded?.stop();
}
