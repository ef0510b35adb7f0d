import "server-only";
import { storyPath } from "@/lib/paths";
import { db } from "./client";
import { isPublished } from "./published";

/**
 * Where an imported site's old address (a path_redirect key, lib/old-address.mjs) leads now:
 * the story's or page's current address, read at redirect time so a later slug change is
 * followed. Null when there is none, or when the story is not public (a draft's address stays
 * unknown to readers).
 */
export async function findOldAddress(key: string): Promise<string | null> {
  const row = await db().pathRedirect.findUnique({ where: { path: key }, select: { storyId: true, pageId: true } });
  if (row?.pageId) {
    const page = await db().page.findUnique({ where: { id: row.pageId }, select: { slug: true } });
    return page ? `/${page.slug}` : null;
  }
  if (!row?.storyId) return null;
  const story = await db().story.findUnique({ where: { id: row.storyId }, select: { kind: true, slug: true, status: true, publishedAt: true, deletedAt: true } });
  return story && isPublished(story) ? storyPath(story) : null;
}
