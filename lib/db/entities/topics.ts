import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { tags } from "@/lib/cache";
import { publishedStoryTags } from "./shared";
import { taxonomy } from "./taxonomy";

// Topics are shared by every organisation: editors and administrators manage them. Deleting a
// topic in use only unlinks it from stories and networks, which keep working.

/** Pages that show the topic's name: its networks and published stories. */
async function dependentTags(client: Prisma.TransactionClient, topicId: string): Promise<string[]> {
  const networks = await client.network.findMany({ where: { topics: { some: { topicId } } }, select: { slug: true } });
  return [...networks.map((n) => tags.network(n.slug)), ...(await publishedStoryTags(client, { topics: { some: { topicId } } }))];
}

const topic = taxonomy({
  table: (client) => client.topic,
  entityType: "topic",
  noun: "ämnet",
  created: "Ämnet är skapat.",
  deleted: "Ämnet är borttaget.",
  tag: tags.topic,
  listTag: tags.topics,
  dependentTags,
});

export const listAdminTopics = topic.list;
export const getTopicForEdit = topic.getForEdit;

export async function listTopicChoices(client: PrismaClient): Promise<{ id: string; name: string }[]> {
  return client.topic.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function getTopicUsage(client: PrismaClient, id: string): Promise<{ stories: number; networks: number }> {
  const [stories, networks] = await Promise.all([client.storyTopic.count({ where: { topicId: id } }), client.networkTopic.count({ where: { topicId: id } })]);
  return { stories, networks };
}

export const createTopic = topic.create;
export const updateTopic = topic.update;
export const deleteTopic = topic.remove;

export const topicCommands = { createTopic, updateTopic, deleteTopic };
