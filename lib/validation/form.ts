import type { z } from "zod";
import { unsafeTextFields } from "./text-safety";

// What a newsroom form action answers: on failure, every typed value goes back to the form
// with a Swedish message per field, so nothing the user wrote is lost.
export type FormState = {
  ok?: boolean;
  message?: string; // success, shown in a status region
  error?: string; // failure for the whole form, shown in an alert
  fieldErrors?: Record<string, string>;
  values?: Record<string, string | string[]>;
  /** The session ended while the form was open: sign in again (in another tab) and send it again. */
  sessionExpired?: boolean;
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

/**
 * The shared check of every command's input: text PostgreSQL cannot store (NUL, lone
 * surrogates) gets its field message first, then the schema's messages, one per field.
 */
export function parseFields<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; fieldErrors: Record<string, string> } {
  const unsafe = unsafeTextFields(input);
  if (Object.keys(unsafe).length) return { ok: false, fieldErrors: unsafe };
  const parsed = schema.safeParse(input ?? {});
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, fieldErrors: fieldErrorsOf(parsed.error) };
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
