import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl } from "@/lib/env";

// Lazy so that `next build` (which imports route modules) never needs a database.
const g = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

export function db(): PrismaClient {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!g.prisma || g.prismaUrl !== url) {
    g.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    g.prismaUrl = url;
  }
  return g.prisma;
}

export async function disconnectDb(): Promise<void> {
  await g.prisma?.$disconnect();
  g.prisma = undefined;
}

/** A client for scripts that get their database URL explicitly (seed, start, tests). */
export function createDb(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
}
