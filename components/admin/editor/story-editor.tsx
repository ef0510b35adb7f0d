"use client";

import type { Editor } from "@tiptap/react";
import { useMemo, useState, type RefObject } from "react";
import { cleanEditorJson } from "@/lib/rich-text/clean";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { publishChecks } from "@/lib/validation/publish-checks";
import { buttonClass } from "@/components/admin/styles";
import { ConflictView } from "./conflict-view";
import { useMediaPicker } from "./media-picker";
import { PublishingPanel } from "./publishing-panel";
import { SessionExpiredDialog } from "./session-dialog";
import { StoryFieldsSection, type EditorOptions } from "./story-fields";
import { useStoryDraft, type EditorRestore, type EditorStory, type StoryDraft, type StoryEditorActions } from "./use-story-draft";

// The story editor: the draft (use-story-draft.ts: form state, save queue, autosave, leave
// guard, local copy) and its sections: the fields, the publishing panel and the conflict view.

export type { EditorOptions } from "./story-fields";
export type { EditorRestore, EditorStory, StoryEditorActions } from "./use-story-draft";

type Props = { story: EditorStory; options: EditorOptions; userId: string; restore?: EditorRestore; actions: StoryEditorActions };

export function StoryEditor({ story, options, userId, restore, actions }: Props) {
  const draft = useStoryDraft({ story, userId, restore, actions });
  const picker = useMediaPicker();
  const heroPicker = useMediaPicker();
  const { hero, form, conflict, checkedBody } = draft;
  const [bodyEditor, setBodyEditor] = useState<Editor | null>(null);
  // The accessibility check, live: the server runs the same function when the story is published.
  const checks = useMemo(
    () => publishChecks({ body: cleanEditorJson(checkedBody) as RichTextDoc, metaDescription: form.metaDescription, pageOwner: form.pageOwner, hero }),
    [checkedBody, form.metaDescription, form.pageOwner, hero],
  );

  const names = useMemo(() => {
    const map: Record<string, string> = {};
    for (const list of Object.values(options)) for (const o of list) map[o.value] = o.label;
    if (hero) map[hero.id] = hero.alt;
    return map;
  }, [options, hero]);

  return (
    <div>
      {picker.dialog}
      {heroPicker.dialog}
      <SessionExpiredDialog
        open={draft.sessionDialog}
        onClose={draft.closeSessionDialog}
        onRetry={() => {
          draft.closeSessionDialog();
          void draft.save();
        }}
      />
      {restore && restore.fields.slug !== story.fields.slug ? (
        <p className="mb-4 rounded border-l-4 border-sky-700 bg-sky-50 p-3">
          <label className="flex items-start gap-2">
            <input type="checkbox" className="mt-1" checked={form.slug === restore.fields.slug} onChange={(e) => draft.set("slug", e.target.checked ? restore.fields.slug : story.fields.slug)} />
            <span>
              Använd versionens adress <span className="font-mono">{restore.fields.slug}</span> i stället för den nuvarande <span className="font-mono">{story.fields.slug}</span>.
            </span>
          </label>
        </p>
      ) : null}
      <LocalCopyOffer draft={draft} storyVersion={story.version} />
      <ErrorSummary errors={draft.errors} formError={draft.formError} summaryRef={draft.summaryRef} />
      <p aria-live="polite" className="mb-4 min-h-6 text-sm text-slate-700">
        {draft.saving ? "Sparar …" : draft.notice}
        {draft.dirty && !draft.saving ? " Osparade ändringar." : null}
      </p>

      {conflict ? <ConflictView conflict={conflict.theirs} mine={conflict.mine} names={names} onUseTheirs={draft.reloadSaved} onKeepMine={() => void draft.save({ baseVersion: conflict.theirs.version })} /> : null}

      <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
        <StoryFieldsSection draft={draft} options={options} pickImage={picker.pick} pickHero={heroPicker.pick} onBodyEditor={setBodyEditor} />
        <PublishingPanel draft={draft} checks={checks} bodyEditor={bodyEditor} />
      </div>
    </div>
  );
}

/** Unsaved work this browser kept from an earlier visit, offered back. */
function LocalCopyOffer({ draft, storyVersion }: { draft: StoryDraft; storyVersion: number }) {
  const { offer } = draft;
  if (!offer) return null;
  return (
    <section aria-labelledby="lokal-kopia-rubrik" className="mb-4 rounded border-l-4 border-amber-600 bg-amber-50 p-3 text-amber-950">
      <h2 id="lokal-kopia-rubrik" className="font-semibold">
        Osparade ändringar finns kvar
      </h2>
      <p className="mt-1">
        Den här webbläsaren har ändringar från {new Date(offer.savedAt).toLocaleString("sv-SE", { dateStyle: "short", timeStyle: "short" })} som aldrig sparades.
        {offer.baseVersion < storyVersion ? " Artikeln har sparats på nytt sedan dess: se över ändringarna innan du sparar." : ""}
      </p>
      <div className="mt-2 flex flex-wrap gap-2">
        <button type="button" className={buttonClass("primary")} onClick={draft.restoreLocalCopy}>
          Återställ ändringarna
        </button>
        <button type="button" className={buttonClass("secondary")} onClick={draft.discardLocalCopy}>
          Släng dem
        </button>
      </div>
    </section>
  );
}

/** The form's error and each field's, linked to the field; focused after a failed save. */
function ErrorSummary({ errors, formError, summaryRef }: { errors: Record<string, string>; formError: string | null; summaryRef: RefObject<HTMLDivElement | null> }) {
  const entries = Object.entries(errors);
  return (
    <div ref={summaryRef} tabIndex={-1} className="outline-none">
      {formError ? (
        <div role="alert" className="mb-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          <p className="font-semibold">{formError}</p>
          {entries.length ? (
            <ul className="mt-2 list-disc pl-6">
              {entries.map(([field, message]) => (
                <li key={field}>
                  <a href={`#falt-${field}`} data-ignore-unsaved className="text-red-900">
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
