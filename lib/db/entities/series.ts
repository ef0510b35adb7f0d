import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { taxonomySchema } from "@/lib/validation/entities";
import { confirmed, idOf, isUniqueViolation, NOT_CONFIRMED, NOT_FOUND, parseOrInvalid, publishedStoryTags, SLUG_EMPTY, SLUG_TAKEN, slugFrom, unique, type CommandContext } from "./shared";
import type { TaxonomyEdit, TaxonomyRow } from "./topics";

// Series of stories, shared by every organisation like topics. Deleting a series in use only
// takes its stories out of it; they stay published on their own.

export async function listAdminSeries(client: PrismaClient, opts: { q?: string; page: number; pageSize: number }): Promise<{ rows: TaxonomyRow[]; total: number }> {
  const where: Prisma.SeriesWhereInput = opts.q ? { name: { contains: opts.q, mode: "insensitive" } } : {};
  const [rows, total] = await Promise.all([
    client.series.findMany({
      where,
      select: { id: true, slug: true, name: true, _count: { select: { stories: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    client.series.count({ where }),
  ]);
  return { rows: rows.map(({ _count, ...s }) => ({ ...s, stories: _count.stories })), total };
}

export async function getSeriesForEdit(client: PrismaClient, id: string): Promise<TaxonomyEdit | null> {
  return client.series.findUnique({ where: { id }, select: { id: true, slug: true, name: true, description: true } });
}

export async function getSeriesUsage(client: PrismaClient, id: string): Promise<{ stories: number }> {
  return { stories: await client.story.count({ where: { seriesId: id } }) };
}

async function slugError(client: PrismaClient, slug: string | null, selfId?: string): Promise<Record<string, string>> {
  if (!slug) return { slug: SLUG_EMPTY };
  const clash = await client.series.findFirst({ where: { slug, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  return clash ? { slug: SLUG_TAKEN } : {};
}

export async function createSeries(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  assertCan(actor, "taxonomy.manage");
  const parsed = parseOrInvalid(taxonomySchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.name);
  const errors = await slugError(client, slug);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      const series = await tx.series.create({ data: { slug, name: data.name, description: data.description }, select: { id: true, slug: true } });
      await audit(tx, { actor, action: "series.create", entityType: "series", entityId: series.id, summary: `Skapade serien ${data.name} (${slug})`, ip: ctx.ip });
      return success(series, [tags.series(slug)], "Serien är skapad.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function updateSeries(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  const id = idOf(input);
  const before = id ? await client.series.findUnique({ where: { id }, select: { id: true, slug: true, name: true } }) : null;
  if (!before) return failure(NOT_FOUND);
  assertCan(actor, "taxonomy.manage");
  const parsed = parseOrInvalid(taxonomySchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.name);
  const errors = await slugError(client, slug, before.id);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      await tx.series.update({ where: { id: before.id }, data: { slug, name: data.name, description: data.description } });
      await audit(tx, { actor, action: "series.update", entityType: "series", entityId: before.id, summary: `Ändrade serien ${data.name} (${slug})`, ip: ctx.ip });
      // Story pages name and link their series.
      const extra = before.name !== data.name || before.slug !== slug ? await publishedStoryTags(tx, { seriesId: before.id }) : [];
      return success({ id: before.id, slug }, unique([tags.series(before.slug), tags.series(slug), ...extra]), "Ändringarna är sparade.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function deleteSeries(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const id = idOf(input);
  const series = id ? await client.series.findUnique({ where: { id }, select: { id: true, slug: true, name: true } }) : null;
  if (!series) return failure(NOT_FOUND);
  assertCan(actor, "taxonomy.manage");
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  return client.$transaction(async (tx) => {
    const extra = await publishedStoryTags(tx, { seriesId: series.id });
    await tx.series.delete({ where: { id: series.id } });
    await audit(tx, { actor, action: "series.delete", entityType: "series", entityId: series.id, summary: `Tog bort serien ${series.name} (${series.slug})`, ip: ctx.ip });
    return success(null, unique([tags.series(series.slug), ...extra]), "Serien är borttagen.");
  });
}

export const seriesCommands = { createSeries, updateSeries, deleteSeries };
