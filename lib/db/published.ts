import "server-only";
import { Prisma } from "@/generated/prisma/client";

// What "published" means, once: status PUBLISHED, its publication time has come, and not in
// the trash. The same rule three ways, for the three places that ask: a story already loaded
// (the commands), a Prisma query (every public list and page) and raw SQL (search, sitemaps).
// tests/integration/story-rules.test.ts checks that they agree row by row.

export function isPublished(s: { status: string; publishedAt: Date | null; deletedAt: Date | null }, now = new Date()): boolean {
  return s.status === "PUBLISHED" && !!s.publishedAt && s.publishedAt <= now && !s.deletedAt;
}

export function publishedStoryWhere(now = new Date()): Prisma.StoryWhereInput {
  return { status: "PUBLISHED", publishedAt: { lte: now }, deletedAt: null };
}

/** The same condition for raw SQL on the story table under `alias` (a constant in our code, never user input). */
export function publishedStorySql(alias: "story" | "s"): Prisma.Sql {
  const t = Prisma.raw(alias);
  return Prisma.sql`${t}.status = 'PUBLISHED' AND ${t}.published_at <= now() AND ${t}.deleted_at IS NULL`;
}
