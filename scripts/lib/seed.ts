import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createDb } from "@/lib/db/client";
import { databaseIsEmpty, seedContent } from "@/lib/db/seed";
import { DEMO_ACCOUNTS, ensureDemoAccounts } from "@/lib/db/users";
import { mediaStorage } from "@/lib/media/storage";

export async function seed(url: string, opts: { log?: (line: string) => void } = {}) {
  const env = parseEnv();
  const client = createDb(url);
  try {
    return await seedContent(client, { contentDir: path.resolve("content"), storage: mediaStorage(env), log: opts.log });
  } finally {
    await client.$disconnect();
  }
}

/** Loads the demo content only into a database that has none; returns whether it did. */
export async function seedIfEmpty(url: string, opts: { log?: (line: string) => void } = {}): Promise<boolean> {
  const client = createDb(url);
  try {
    if (!(await databaseIsEmpty(client))) return false;
  } finally {
    await client.$disconnect();
  }
  await seed(url, opts);
  return true;
}

/** Local mode: makes sure the demo accounts exist and prints how to sign in with them. */
export async function printDemoAccounts(url: string, log: (line: string) => void): Promise<void> {
  const client = createDb(url);
  try {
    await ensureDemoAccounts(client);
  } finally {
    await client.$disconnect();
  }
  log("demo accounts (local mode only), sign in at /logga-in:");
  for (const a of DEMO_ACCOUNTS) log(`  ${a.role.padEnd(6)} ${a.email}  password: ${a.password}`);
}
