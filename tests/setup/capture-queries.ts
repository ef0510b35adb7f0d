import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

export type CapturedQuery = { sql: string; params: unknown[] };

// Like query-counter, but keeps each statement and its parameters so a test can EXPLAIN it.
export async function captureQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: CapturedQuery[] }> {
  db();
  const g = globalThis as unknown as { prisma?: PrismaClient };
  const original = g.prisma;
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  const queries: CapturedQuery[] = [];
  logging.$on("query", (e) => {
    if (/^\s*(SELECT|WITH|\()/i.test(e.query)) queries.push({ sql: e.query, params: JSON.parse(e.params) as unknown[] });
  });
  g.prisma = logging;
  try {
    return { result: await fn(), queries };
  } finally {
    g.prisma = original;
    await logging.$disconnect();
  }
}
