"use client";

import { useActionState } from "react";
import { emptyFormState, valueOf, valuesOf, type FormState } from "@/lib/validation/form";

// The state of an entity form: after a failed save every field shows what was typed (the
// action sends the values back); otherwise it shows the stored record.

export type EntityAction = (state: FormState, formData: FormData) => Promise<FormState>;

export function useEntityForm(action: EntityAction) {
  const [state, formAction] = useActionState(action, emptyFormState);
  const typed = state.values;
  /** A text field's value: what was typed, or the stored value. */
  const text = (name: string, stored: string | null | undefined) => (typed ? valueOf(typed, name) : (stored ?? ""));
  /** A checkbox group's or repeated field's values. */
  const list = (name: string, stored: string[]) => (typed ? valuesOf(typed, name) : stored);
  const error = (name: string) => state.fieldErrors?.[name];
  return {
    state,
    formAction,
    error,
    /** The name, value and error of a text or select field, to spread onto it. */
    field: (name: string, stored: string | null | undefined) => ({ name, defaultValue: text(name, stored), error: error(name) }),
    /** The name, ticked values and error of a checkbox group, to spread onto it. */
    checkboxes: (name: string, stored: string[]) => ({ name, defaultValues: list(name, stored), error: error(name) }),
  };
}

export type EntityForm = ReturnType<typeof useEntityForm>;
