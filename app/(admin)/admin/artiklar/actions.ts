"use server";

import { db } from "@/lib/db/client";
import { bulkStoryStep, findSlugClash, isUuid, saveStory, storySteps, type SavedStory, type StoryConflict } from "@/lib/db/editorial";
import { failure } from "@/lib/newsroom/result";
import { stagePreviewCopy } from "@/lib/db/story-preview";
import { currentActor, requireActor } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { slugify } from "@/lib/slug";
import type { FormState } from "@/lib/validation/form";

// The story editor's server actions. Each one authorises on the server for the very story
// (inside the command), whatever the browser sent.

export type SaveState = FormState & { value?: SavedStory; conflict?: StoryConflict };

/** Save (or autosave) from the editor. */
export async function saveStoryAction(input: unknown): Promise<SaveState> {
  return runAction((actor) => saveStory(db(), actor, input), undefined, { refresh: false });
}

/** Unsaved changes of a story past draft, for this user's preview only (nothing public changes). */
export async function stagePreviewAction(input: unknown): Promise<FormState> {
  return runAction((actor) => stagePreviewCopy(db(), actor, input), undefined, { refresh: false });
}

/**
 * Whether a slug is free, for the editor to show before saving: the address as the save will
 * normalise it, and the story that has it already (a draft then gets a suffix, see saveStory).
 */
export async function checkSlugAction(input: { slug: string; title: string; storyId: string | null }): Promise<{ slug: string; clash: string | null }> {
  const slug = slugify(String(input.slug ?? "")) || slugify(String(input.title ?? ""));
  // A check in the background: without a session it says nothing rather than leave the editor
  // for the sign-in page (the next save asks to sign in again, the text kept).
  if (!(await currentActor())) return { slug, clash: null };
  await requireActor();
  if (!slug) return { slug, clash: null };
  return { slug, clash: await findSlugClash(db(), slug, isUuid(input.storyId) ? input.storyId : null) };
}

type WorkflowName = keyof typeof storySteps;

/**
 * A workflow step (publish, schedule with `at`, unpublish …) on one story, by id; the command
 * loads and authorises it, and answers with the new state and what the actor may now do (a
 * publish can end the right to edit, say) as `value`. `at: ""` asks to schedule without a moment.
 */
export async function storyWorkflowAction(name: WorkflowName, input: { id: string; at?: string; overrideReason?: string; refresh?: boolean }) {
  return runAction(
    (actor) => (Object.hasOwn(storySteps, name) ? storySteps[name](db(), actor, { id: input.id, at: input.at, overrideReason: input.overrideReason }) : Promise.resolve(failure("Okänd åtgärd."))),
    undefined,
    { refresh: input.refresh ?? false },
  );
}

/** The same steps from plain forms (the trash list), with the step and id in the form. */
export async function storyWorkflowFormAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const name = String(formData.get("step") ?? "");
  if (!["restoreFromTrash", "trashStory"].includes(name)) return { error: "Okänd åtgärd." };
  return storyWorkflowAction(name as WorkflowName, { id: String(formData.get("id") ?? ""), refresh: true });
}

/** The story list's bulk step (publish, archive, trash) on the ticked stories, each checked on its own. */
export async function bulkStoryAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const result = await runAction((actor) => bulkStoryStep(db(), actor, { step: formData.get("atgard"), ids: formData.getAll("id") }), undefined, { refresh: true });
  return { ok: result.ok, message: result.message, error: result.error, fieldErrors: result.fieldErrors, sessionExpired: result.sessionExpired };
}
