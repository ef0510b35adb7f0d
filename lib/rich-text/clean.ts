// TipTap's JSON carries attributes our stored format does not have (null captions, link
// targets, list types). Before validation, drop null and empty-string optional attributes so
// the document is judged by what it says, not by the editor's defaults.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function cleanEditorJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanEditorJson);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    if (key === "attrs" && v && typeof v === "object" && !Array.isArray(v)) {
      const attrs = Object.fromEntries(Object.entries(v).filter(([, a]) => a !== null && a !== ""));
      if (Object.keys(attrs).length) out.attrs = attrs;
      continue;
    }
    out[key] = cleanEditorJson(v);
  }
  return out;
}
