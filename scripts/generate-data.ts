// `npm run data:generate -- [--stories N]`: adds the deterministic scale data set to
// DATABASE_URL (or the embedded database). Meant for benchmarks and scale tests, not for a
// database with real content.
import path from "node:path";
import { parseEnv } from "@/lib/env";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "./lib/embedded-pg";
import { generateData } from "./lib/generate-data";

const arg = process.argv.indexOf("--stories");
const stories = arg > 0 ? Number(process.argv[arg + 1]) : 100_000;
if (!Number.isInteger(stories) || stories < 1 || stories > 1_000_000) {
  console.error("--stories must be a whole number between 1 and 1 000 000");
  process.exit(1);
}
const env = parseEnv();
const embedded = env.DATABASE_URL ? undefined : await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT });
try {
  const url = env.DATABASE_URL ?? embedded!.url;
  await migrate(url);
  await generateData(url, { stories, log: console.log });
} finally {
  await embedded?.stop();
}
