// TipTap's JSON carries attributes our stored format does not have (null captions, link
// targets, list types). Before validation, drop null and empty-string optional attributes so
// the document is judged by what it says, not by the editor's defaults. Table cells carry
// prosemirror-tables' span and width attributes: a span of 1 is the default and column widths
// are not part of the stored format.

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export function cleanEditorJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(cleanEditorJson);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, Json>)) {
    if (key === "attrs" && v && typeof v === "object" && !Array.isArray(v)) {
      const attrs = Object.fromEntries(Object.entries(v).filter(([name, a]) => a !== null && a !== "" && !isTableDefault(name, a)));
      if (Object.keys(attrs).length) out.attrs = attrs;
      continue;
    }
    out[key] = cleanEditorJson(v);
  }
  return out;
}

function isTableDefault(name: string, value: Json): boolean {
  return name === "colwidth" || ((name === "colspan" || name === "rowspan") && value === 1);
}
