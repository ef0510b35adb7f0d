import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { taxonomySchema } from "@/lib/validation/entities";
import { confirmed, idOf, isUniqueViolation, NOT_CONFIRMED, NOT_FOUND, parseOrInvalid, publishedStoryTags, SLUG_EMPTY, SLUG_TAKEN, slugFrom, unique, type CommandContext } from "./shared";

// Topics are shared by every organisation: editors and administrators manage them. Deleting a
// topic in use only unlinks it from stories and networks, which keep working.

export type TaxonomyRow = { id: string; slug: string; name: string; stories: number };

export async function listAdminTopics(client: PrismaClient, opts: { q?: string; page: number; pageSize: number }): Promise<{ rows: TaxonomyRow[]; total: number }> {
  const where: Prisma.TopicWhereInput = opts.q ? { name: { contains: opts.q, mode: "insensitive" } } : {};
  const [rows, total] = await Promise.all([
    client.topic.findMany({
      where,
      select: { id: true, slug: true, name: true, _count: { select: { stories: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    client.topic.count({ where }),
  ]);
  return { rows: rows.map(({ _count, ...t }) => ({ ...t, stories: _count.stories })), total };
}

export type TaxonomyEdit = { id: string; slug: string; name: string; description: string | null };

export async function getTopicForEdit(client: PrismaClient, id: string): Promise<TaxonomyEdit | null> {
  return client.topic.findUnique({ where: { id }, select: { id: true, slug: true, name: true, description: true } });
}

export async function listTopicChoices(client: PrismaClient): Promise<{ id: string; name: string }[]> {
  return client.topic.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function getTopicUsage(client: PrismaClient, id: string): Promise<{ stories: number; networks: number }> {
  const [stories, networks] = await Promise.all([client.storyTopic.count({ where: { topicId: id } }), client.networkTopic.count({ where: { topicId: id } })]);
  return { stories, networks };
}

/** Pages that show the topic's name: its networks and published stories. */
async function dependentTags(client: Prisma.TransactionClient, topicId: string): Promise<string[]> {
  const networks = await client.network.findMany({ where: { topics: { some: { topicId } } }, select: { slug: true } });
  return [...networks.map((n) => tags.network(n.slug)), ...(await publishedStoryTags(client, { topics: { some: { topicId } } }))];
}

async function slugError(client: PrismaClient, slug: string | null, selfId?: string): Promise<Record<string, string>> {
  if (!slug) return { slug: SLUG_EMPTY };
  const clash = await client.topic.findFirst({ where: { slug, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
  return clash ? { slug: SLUG_TAKEN } : {};
}

export async function createTopic(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  assertCan(actor, "taxonomy.manage");
  const parsed = parseOrInvalid(taxonomySchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.name);
  const errors = await slugError(client, slug);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      const topic = await tx.topic.create({ data: { slug, name: data.name, description: data.description }, select: { id: true, slug: true } });
      await audit(tx, { actor, action: "topic.create", entityType: "topic", entityId: topic.id, summary: `Skapade ämnet ${data.name} (${slug})`, ip: ctx.ip });
      return success(topic, [tags.topic(slug), tags.topics], "Ämnet är skapat.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function updateTopic(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  const id = idOf(input);
  const before = id ? await client.topic.findUnique({ where: { id }, select: { id: true, slug: true, name: true } }) : null;
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
      await tx.topic.update({ where: { id: before.id }, data: { slug, name: data.name, description: data.description } });
      await audit(tx, { actor, action: "topic.update", entityType: "topic", entityId: before.id, summary: `Ändrade ämnet ${data.name} (${slug})`, ip: ctx.ip });
      const extra = before.name !== data.name || before.slug !== slug ? await dependentTags(tx, before.id) : [];
      return success({ id: before.id, slug }, unique([tags.topic(before.slug), tags.topic(slug), tags.topics, ...extra]), "Ändringarna är sparade.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function deleteTopic(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const id = idOf(input);
  const topic = id ? await client.topic.findUnique({ where: { id }, select: { id: true, slug: true, name: true } }) : null;
  if (!topic) return failure(NOT_FOUND);
  assertCan(actor, "taxonomy.manage");
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  return client.$transaction(async (tx) => {
    const extra = await dependentTags(tx, topic.id);
    await tx.topic.delete({ where: { id: topic.id } });
    await audit(tx, { actor, action: "topic.delete", entityType: "topic", entityId: topic.id, summary: `Tog bort ämnet ${topic.name} (${topic.slug})`, ip: ctx.ip });
    return success(null, unique([tags.topic(topic.slug), tags.topics, ...extra]), "Ämnet är borttaget.");
  });
}

export const topicCommands = { createTopic, updateTopic, deleteTopic };
