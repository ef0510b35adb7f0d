import path from "node:path";
import { parseEnv } from "@/lib/env";
import { createDb } from "@/lib/db/client";
import { databaseIsEmpty, seedContent } from "@/lib/db/seed";

export async function seed(url: string, opts: { log?: (line: string) => void } = {}) {
  const env = parseEnv();
  const client = createDb(url);
  try {
    return await seedContent(client, { contentDir: path.resolve("content"), mediaDir: path.resolve(env.MEDIA_DIR), log: opts.log });
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
