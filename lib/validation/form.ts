import type { z } from "zod";

// What a newsroom form action answers: on failure, every typed value goes back to the form
// with a Swedish message per field, so nothing the user wrote is lost.
export type FormState = {
  ok?: boolean;
  message?: string; // success, shown in a status region
  error?: string; // failure for the whole form, shown in an alert
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
};

export const emptyFormState: FormState = {};

/** The first message for each field, keyed by the field's (dotted) path. */
export function fieldErrorsOf(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".") || "_form";
    out[key] ??= issue.message;
  }
  return out;
}

/** A FormData as plain values; repeated names (checkbox groups, multi-selects) become arrays. Files are left out. */
export function formValues(formData: FormData): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const all = formData.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = all.length > 1 ? all : (all[0] ?? "");
  }
  return out;
}

export function valueOf(values: FormState["values"], name: string, fallback = ""): string {
  const v = values?.[name];
  return Array.isArray(v) ? (v[0] ?? fallback) : (v ?? fallback);
}

export function valuesOf(values: FormState["values"], name: string, fallback: string[] = []): string[] {
  const v = values?.[name];
  if (v === undefined) return fallback;
  return Array.isArray(v) ? v : v === "" ? [] : [v];
}
