import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { db } from "@/lib/db/client";

// Puts a query-logging client where lib/db/client keeps its singleton, so tests can count
// the SQL statements a data function sends without changing the function.
export async function countQueries<T>(fn: () => Promise<T>): Promise<{ result: T; queries: number }> {
  db(); // make sure the singleton exists for this DATABASE_URL
  const g = globalThis as unknown as { prisma?: PrismaClient };
  const original = g.prisma;
  const logging = new PrismaClient({ adapter: new PrismaPg({ connectionString: process.env.DATABASE_URL! }), log: [{ emit: "event", level: "query" }] });
  let queries = 0;
  logging.$on("query", (e) => {
    if (!/^\s*(BEGIN|COMMIT|ROLLBACK|SET|DEALLOCATE)/i.test(e.query)) queries++;
  });
  g.prisma = logging;
  try {
    return { result: await fn(), queries };
  } finally {
    g.prisma = original;
    await logging.$disconnect();
  }
}
