// The one-off part of `npm start`, in a process of its own so that the process that stays
// running beside the server (to stop the embedded PostgreSQL) never loads Prisma, sharp or the
// seed: the database must answer, migrations run, demo content goes into an empty database,
// and in local mode the demo accounts are made and printed. Any failure is one line.
import { databaseUrl } from "@/lib/env";
import { migrate } from "@/lib/migrations";
import { assertDatabaseReachable } from "./lib/database";
import { printDemoAccounts, seedIfEmpty } from "./lib/seed";

const log = (line: string) => console.log(`[start] ${line}`);

try {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  await assertDatabaseReachable(url);
  const { applied } = await migrate(url, { log });
  if (applied.length === 0) log("database schema is up to date");
  const seeded = await seedIfEmpty(url, { log });
  if (!seeded) log("database already has content; demo content not loaded");
  // Demo accounts exist only in local mode; with DATABASE_URL no account is ever made implicitly.
  if (process.argv.includes("--local")) await printDemoAccounts(url, log);
} catch (err) {
  console.error((err as Error).message.split("\n")[0]);
  process.exit(1);
}
