import { cookies, draftMode } from "next/headers";
import { redirect } from "next/navigation";
import { ForbiddenError } from "@/lib/auth/permissions";
import { getStoryForEdit } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { routeActor } from "@/lib/newsroom/actor";
import { PREVIEW_COPY_COOKIE } from "@/lib/newsroom/preview";
import { storyPath } from "@/lib/paths";

// Preview: switches on Next's draft mode for this browser and opens the story at its real
// address, where the page then shows the unpublished text with a banner (never cached or indexed).
// `?osparat=1` (from the editor, after it handed over its unsaved changes) shows those instead
// of the saved text; without it the preview shows what is saved.
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  const actor = await routeActor();
  if (!actor) redirect("/logga-in");
  const { id } = await params;
  let story;
  try {
    story = await getStoryForEdit(db(), actor, id);
  } catch (err) {
    if (err instanceof ForbiddenError) return new Response("Du har inte behörighet att förhandsvisa artikeln.", { status: 403 });
    throw err;
  }
  if (!story || story.deletedAt) return new Response("Artikeln finns inte.", { status: 404 });
  (await draftMode()).enable();
  const jar = await cookies();
  if (new URL(request.url).searchParams.get("osparat") === "1") jar.set(PREVIEW_COPY_COOKIE, story.id, { httpOnly: true, sameSite: "lax", path: "/", maxAge: 60 * 60 });
  else jar.delete(PREVIEW_COPY_COOKIE);
  redirect(storyPath({ kind: story.fields.kind, slug: story.slug }));
}
