import "server-only";
import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/newsroom/actor";

/**
 * Story pages in the newsroom: loads what the page shows with a loader that authorises the
 * actor for this very story (throwing ForbiddenError) and answers null when it is missing;
 * those become 403 and 404.
 */
export async function loadStoryPage<T>(params: Promise<{ id: string }>, load: (actor: Actor, id: string) => Promise<T | null>): Promise<{ actor: Actor; id: string; data: T }> {
  const actor = await requireActor();
  const { id } = await params;
  let data: T | null;
  try {
    data = await load(actor, id);
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
  if (data === null) notFound();
  return { actor, id, data };
}
