import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, env } from "@/lib/env";
import { poolConfig, transactionOptions, type Timeouts } from "./pool";

// Lazy so that `next build` (which imports route modules) never needs a database.
const g = globalThis as unknown as { prisma?: PrismaClient; prismaUrl?: string };

export function db(): PrismaClient {
  const url = databaseUrl();
  if (!url) throw new Error("DATABASE_URL is not set");
  if (!g.prisma || g.prismaUrl !== url) {
    g.prisma = newClient(url);
    g.prismaUrl = url;
  }
  return g.prisma;
}

export async function disconnectDb(): Promise<void> {
  await g.prisma?.$disconnect();
  g.prisma = undefined;
}

/** A client for scripts that get their database URL explicitly (seed, start, tests). */
export function createDb(url: string, timeouts: Partial<Timeouts> = {}): PrismaClient {
  return newClient(url, timeouts);
}

/** With the time-outs of lib/db/pool.ts on every path. */
function newClient(url: string, overrides: Partial<Timeouts> = {}): PrismaClient {
  const settings = { ...env(), ...overrides };
  return new PrismaClient({ adapter: new PrismaPg(poolConfig(url, settings)), transactionOptions: transactionOptions(settings) });
}
