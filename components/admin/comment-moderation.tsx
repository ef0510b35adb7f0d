"use client";

import { createContext, useActionState, useContext, useState, type ReactNode } from "react";
import { SelectField, SubmitButton, TextField } from "@/components/admin/form";
import { Time } from "@/components/ui/time";
import { moderateCommentAction, replyCommentAction, setCommentsClosedAction } from "@/app/(admin)/admin/kommentarer/actions";
import type { QueueItem } from "@/lib/db/comment-reads";
import { storyPath } from "@/lib/paths";
import { valueOf, type FormState } from "@/lib/validation/form";

// The moderation queue's controls. A moderated comment leaves its list when the page
// refreshes, so the outcome is announced once, at the top, instead of inside the row.

const Notify = createContext<(state: FormState) => void>(() => {});

/** Wraps a server action so its answer is also announced at the top of the page. */
function useNotifiedAction(serverAction: (prev: FormState, formData: FormData) => Promise<FormState>) {
  const notify = useContext(Notify);
  return useActionState<FormState, FormData>(async (prev, formData) => {
    const state = await serverAction(prev, formData);
    notify(state);
    return state;
  }, {});
}

export function ModerationNotices({ children }: { children: ReactNode }) {
  const [state, setState] = useState<FormState>({});
  return (
    <Notify.Provider value={setState}>
      <div role="status" aria-live="polite" className="mt-4">
        {state.ok && state.message ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{state.message}</p> : null}
      </div>
      <div role="alert">{state.error ? <p className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">{state.error}</p> : null}</div>
      {children}
    </Notify.Provider>
  );
}

export function QueueComment({ item }: { item: QueueItem }) {
  const [, action] = useNotifiedAction(moderateCommentAction);
  const pending = item.status === "PENDING";
  return (
    <li className="rounded border border-slate-300 p-4">
      <h3 className="font-semibold">
        {item.authorName} om <a href={storyPath(item.story)}>{item.story.title}</a>
      </h3>
      <p className="text-sm text-slate-700">
        {item.authorEmail} · <Time iso={item.createdAt} />
        {item.story.commentsClosed ? " · kommentarerna är stängda" : null}
      </p>
      <p className="mt-2 whitespace-pre-line break-words">{item.body}</p>
      <form action={action} className="mt-3 flex flex-wrap gap-2">
        <input type="hidden" name="id" value={item.id} />
        {pending ? (
          <>
            <SubmitButton name="intent" value="godkann">
              Godkänn
            </SubmitButton>
            <SubmitButton name="intent" value="avvisa" variant="secondary">
              Avvisa
            </SubmitButton>
            <SubmitButton name="intent" value="skrap" variant="secondary">
              Markera som skräp
            </SubmitButton>
          </>
        ) : (
          <SubmitButton name="intent" value="avvisa" variant="secondary">
            Avpublicera
          </SubmitButton>
        )}
      </form>
      <ReplyForm item={item} />
    </li>
  );
}

function ReplyForm({ item }: { item: QueueItem }) {
  const [state, action] = useNotifiedAction(replyCommentAction);
  const [organisationId, setOrganisationId] = useState(item.replyAs[0]?.id ?? "");
  if (!item.replyAs.length) return null;
  const as = item.replyAs.find((o) => o.id === organisationId) ?? item.replyAs[0]!;
  return (
    <details className="mt-3" open={!!item.reply || !!state.error}>
      <summary className="cursor-pointer font-semibold">{item.reply ? "Ändra svaret" : "Svara"}<span className="sr-only"> på kommentaren av {item.authorName}</span></summary>
      <form action={action} className="mt-2 space-y-3">
        <input type="hidden" name="id" value={item.id} />
        {item.replyAs.length > 1 ? (
          <SelectField id={`svar-org-${item.id}`} name="organisationId" label="Svara som" options={item.replyAs.map((o) => ({ value: o.id, label: o.name }))} value={organisationId} onValueChange={setOrganisationId} error={state.fieldErrors?.organisationId} />
        ) : (
          <input type="hidden" name="organisationId" value={as.id} />
        )}
        <TextField id={`svar-${item.id}`} name="reply" label={`Svar från ${as.name}`} rows={3} defaultValue={state.values ? valueOf(state.values, "reply") : (item.reply ?? "")} error={state.fieldErrors?.reply} hint="Visas under kommentaren som organisationens svar. Töm fältet och spara för att ta bort svaret." />
        <SubmitButton variant="secondary">Svara som {as.name}</SubmitButton>
      </form>
    </details>
  );
}

export function CommentsToggle({ storyId, title, closed }: { storyId: string; title: string; closed: boolean }) {
  const [, action] = useNotifiedAction(setCommentsClosedAction);
  return (
    <form action={action}>
      <input type="hidden" name="storyId" value={storyId} />
      <input type="hidden" name="closed" value={closed ? "false" : "true"} />
      <SubmitButton variant="secondary">
        {closed ? "Öppna kommentarerna" : "Stäng kommentarerna"}
        <span className="sr-only"> på {title}</span>
      </SubmitButton>
    </form>
  );
}
