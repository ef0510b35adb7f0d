"use client";

import { useActionState } from "react";
import { markReviewedAction, reviewDateAction } from "@/app/(admin)/admin/actions";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import type { ReviewKind } from "@/lib/review-dates";
import { emptyFormState, valueOf } from "@/lib/validation/form";

// "Granskas senast" beside a story or a network (decision 024): set the date, or mark the
// record as reviewed, which moves the date twelve months on.

type State = Awaited<ReturnType<typeof reviewDateAction>>;

export function ReviewDateForm({ kind, id, reviewBy, optional }: { kind: ReviewKind; id: string; reviewBy: string | null; optional?: boolean }) {
  const [state, action] = useActionState<State, FormData>(reviewDateAction, emptyFormState);
  // After a failed save the field keeps what was typed; after a save, the date now stored.
  const shown = state.values && !state.ok ? valueOf(state.values, "reviewBy") : state.ok && state.value ? (state.value.reviewBy ?? "") : (reviewBy ?? "");
  return (
    <section aria-labelledby="granskning-rubrik" className="mb-6 rounded border border-slate-300 p-4">
      <h2 id="granskning-rubrik" className="text-lg font-bold">
        Granskning
      </h2>
      <form action={action} className="mt-2 flex flex-wrap items-end gap-3">
        <input type="hidden" name="kind" value={kind} />
        <input type="hidden" name="id" value={id} />
        <div className="min-w-48">
          <TextField
            name="reviewBy"
            label="Granskas senast"
            type="date"
            defaultValue={shown}
            error={state.fieldErrors?.reviewBy}
            hint={optional ? "Lämna tomt om artikeln inte behöver granskas igen." : "Nätverk granskas minst en gång om året."}
          />
        </div>
        <SubmitButton name="intent" value="datum" variant="secondary" pendingLabel="Sparar …">
          Spara datumet
        </SubmitButton>
        <SubmitButton name="intent" value="granskad" variant="secondary" pendingLabel="Sparar …">
          Markera som granskad
        </SubmitButton>
      </form>
      <div className="mt-2">
        <FormMessage state={state} />
      </div>
    </section>
  );
}

/** One overdue record's "Markera som granskad" in the overview. */
export function MarkReviewedButton({ kind, id, title }: { kind: ReviewKind; id: string; title: string }) {
  const [state, action] = useActionState<State, FormData>(markReviewedAction, emptyFormState);
  return (
    <form action={action} className="inline">
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="id" value={id} />
      <SubmitButton variant="secondary" pendingLabel="Sparar …">
        Markera som granskad<span className="sr-only"> ”{title}”</span>
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
