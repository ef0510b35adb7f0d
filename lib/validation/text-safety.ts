// Characters that no text field may store: C0 control characters other than tab and line
// breaks (NUL above all, which PostgreSQL refuses in text), DEL, and lone UTF-16 surrogates (half
// an emoji, which PostgreSQL cannot encode). Forms refuse them with a field message; search and
// other read-only parameters drop them.

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const CONTROL_ALL = new RegExp(CONTROL.source, "g");
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LONE_SURROGATE_ALL = new RegExp(LONE_SURROGATE.source, "g");

export const UNSAFE_TEXT = "Texten innehåller ett tecken som inte går att spara (ett styrtecken eller en trasig emoji). Ta bort det och försök igen.";

export function isSafeText(value: string): boolean {
  return !CONTROL.test(value) && !LONE_SURROGATE.test(value);
}

/** The text without the characters above (for search words and other parameters that only read). */
export function withoutUnsafeText(value: string): string {
  return value.replace(CONTROL_ALL, "").replace(LONE_SURROGATE_ALL, "");
}

function containsUnsafe(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return !isSafeText(value);
  if (depth > 64 || value === null || typeof value !== "object" || ArrayBuffer.isView(value) || value instanceof Blob) return false;
  if (Array.isArray(value)) return value.some((v) => containsUnsafe(v, depth + 1));
  return Object.entries(value).some(([k, v]) => !isSafeText(k) || containsUnsafe(v, depth + 1));
}

/**
 * The fields of a form's input (its top-level keys) that hold such a character anywhere inside,
 * each with UNSAFE_TEXT: empty when the input is clean. A story body is one field.
 */
export function unsafeTextFields(input: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (input === null || typeof input !== "object") return out;
  for (const [key, value] of Object.entries(input)) if (containsUnsafe(value) || !isSafeText(key)) out[isSafeText(key) ? key : "_form"] = UNSAFE_TEXT;
  return out;
}
