"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton } from "@/components/admin/form";
import type { FormState } from "@/lib/validation/form";
import { bulkStoryAction } from "./actions";

export const BULK_FORM_ID = "valda-artiklar";

/**
 * The list's bulk step: the rows' checkboxes belong to this form (form="valda-artiklar"), so the
 * table itself stays a server component. Each story is checked on the server on its own.
 */
export function BulkStoryForm() {
  const [state, action] = useActionState<FormState, FormData>(bulkStoryAction, {});
  return (
    <form id={BULK_FORM_ID} action={action} className="mt-4 flex flex-wrap items-end gap-2">
      <div>
        <label htmlFor="atgard" className="block font-semibold">
          Gör med de valda
        </label>
        <select id="atgard" name="atgard" className="mt-1 rounded border border-slate-500 px-2 py-2" defaultValue="">
          <option value="" disabled>
            Välj …
          </option>
          <option value="publish">Publicera</option>
          <option value="archive">Arkivera</option>
          <option value="trash">Flytta till papperskorgen</option>
        </select>
      </div>
      <SubmitButton pendingLabel="Utför …" variant="secondary">
        Utför
      </SubmitButton>
      <div className="w-full">
        <FormMessage state={state} />
      </div>
    </form>
  );
}
