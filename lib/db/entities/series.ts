import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { tags } from "@/lib/cache";
import { publishedStoryTags } from "./shared";
import { taxonomy } from "./taxonomy";

// Series of stories, shared by every organisation like topics. Deleting a series in use only
// takes its stories out of it; they stay published on their own.

const series = taxonomy({
  table: (client) => client.series,
  entityType: "series",
  noun: "serien",
  created: "Serien är skapad.",
  deleted: "Serien är borttagen.",
  tag: tags.series,
  listTag: tags.seriesIndex,
  // Story pages name and link their series.
  dependentTags: (tx, seriesId) => publishedStoryTags(tx, { seriesId }),
});

export const listAdminSeries = series.list;
export const getSeriesForEdit = series.getForEdit;

export async function getSeriesUsage(client: PrismaClient, id: string): Promise<{ stories: number }> {
  return { stories: await client.story.count({ where: { seriesId: id } }) };
}

export const createSeries = series.create;
export const updateSeries = series.update;
export const deleteSeries = series.remove;

export const seriesCommands = { createSeries, updateSeries, deleteSeries };
