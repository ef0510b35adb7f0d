"use client";

import { useActionState } from "react";
import { emptyFormState, valueOf, valuesOf, type FormState } from "@/lib/validation/form";

// The state of an entity form: after a failed save every field shows what was typed (the
// action sends the values back); otherwise it shows the stored record.

export type EntityAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function useEntityForm(action: EntityAction) {
  const [state, formAction] = useActionState(action, emptyFormState);
  const typed = state.values;
  return {
    state,
    formAction,
    /** A text field's value: what was typed, or the stored value. */
    text: (name: string, stored: string | null | undefined) => (typed ? valueOf(typed, name) : (stored ?? "")),
    /** A checkbox group's or repeated field's values. */
    list: (name: string, stored: string[]) => (typed ? valuesOf(typed, name) : stored),
    error: (name: string) => state.fieldErrors?.[name],
  };
}
