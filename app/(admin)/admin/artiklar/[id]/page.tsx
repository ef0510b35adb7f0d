import type { Metadata } from "next";
import { StoryEditor, type EditorRestore } from "@/components/admin/editor/story-editor";
import { ReviewDateForm } from "@/components/admin/review-date-form";
import type { Actor } from "@/lib/auth/permissions";
import { getRevisionPair, getStoryForEdit, storyOptions } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { storyTitle } from "@/lib/newsroom/labels";
import { calendarDateOf } from "@/lib/review-dates";
import { storyEditorActions } from "../editor-actions";
import { loadStoryPage } from "../story-guard";

export const metadata: Metadata = { title: "Redigera artikel" };

/**
 * `?version=<revision id>` from the history: that version's fields, to load into the editor as
 * unsaved changes (restoring is an edit like any other); nothing when it is not the actor's to edit.
 */
async function versionToRestore(actor: Actor, storyId: string, version: string | string[] | undefined): Promise<EditorRestore | undefined> {
  if (typeof version !== "string") return undefined;
  const pair = await getRevisionPair(db(), actor, storyId, version);
  if (!pair?.canRestore) return undefined;
  const heroId = pair.revision.fields.heroImageId;
  const hero = heroId ? await db().media.findUnique({ where: { id: heroId }, select: { id: true, storageKey: true, alt: true, width: true, height: true } }) : null;
  return {
    version: pair.revision.number,
    fields: pair.revision.fields,
    heroImage: hero ? { id: hero.id, src: `/media/${hero.storageKey}`, alt: hero.alt, width: hero.width, height: hero.height } : null,
  };
}

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string | string[] }> };

export default async function EditStoryPage({ params, searchParams }: Props) {
  const { actor, id, data: story } = await loadStoryPage(params, (a, storyId) => getStoryForEdit(db(), a, storyId));
  const [options, restore, review] = await Promise.all([
    storyOptions(db()),
    versionToRestore(actor, id, (await searchParams).version),
    db().story.findUnique({ where: { id }, select: { reviewBy: true } }),
  ]);
  return (
    <>
      <h1 className="mb-2 text-3xl font-bold">{storyTitle(story.fields.title)}</h1>
      <p className="mb-6 text-sm text-slate-700">
        Skapad av {story.createdBy ?? "okänd"}
        {story.deletedAt ? " · Ligger i papperskorgen" : ""}
      </p>
      {story.changeNotes.length ? (
        <details className="mb-6">
          <summary className="cursor-pointer font-semibold">Tidigare uppdateringar ({story.changeNotes.length})</summary>
          <ul className="mt-2 list-disc pl-6">
            {story.changeNotes.map((c) => (
              <li key={c.createdAt}>
                {new Date(c.createdAt).toLocaleDateString("sv-SE", { timeZone: "Europe/Stockholm" })}: {c.note}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {story.can.edit && !story.deletedAt ? <ReviewDateForm kind="story" id={id} reviewBy={review?.reviewBy ? calendarDateOf(review.reviewBy) : null} optional /> : null}
      <StoryEditor actions={storyEditorActions} userId={actor.id} options={options} restore={restore} story={{ ...story, can: story.deletedAt ? { edit: false, submit: false, publish: false, delete: false } : story.can }} />
    </>
  );
}
