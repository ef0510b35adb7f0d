import "server-only";
import { forbidden, notFound } from "next/navigation";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/editorial";
import { storyExists } from "@/lib/db/admin-stories";
import { requireActor } from "@/lib/newsroom/actor";

/** Story pages in the newsroom: a signed-in actor allowed to see this very story, else 404/403. */
export async function requireStoryView(params: Promise<{ id: string }>): Promise<{ actor: Actor; id: string }> {
  const actor = await requireActor();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  try {
    if (!(await storyExists(db(), actor, id))) notFound();
  } catch (err) {
    if (err instanceof ForbiddenError) forbidden();
    throw err;
  }
  return { actor, id };
}
