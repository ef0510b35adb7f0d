import { diffWords } from "diff";
import { docToPlainText } from "@/lib/rich-text/plain-text";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import type { StoryFields } from "@/lib/validation/story";

// A readable comparison of two versions of a story: each field as text (names instead of
// ids), compared word by word. Used by the history page and the editor's conflict view.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };
export type FieldDiff = { label: string; changed: boolean; parts: DiffPart[] };

type Names = Record<string, string>;

const KIND: Record<string, string> = { NEWS: "Nyhet", INTERVIEW: "Intervju" };

export function storyAsText(f: StoryFields, names: Names): { label: string; text: string }[] {
  const list = (ids: readonly string[]) => ids.map((id) => names[id] ?? "okänd").join(", ");
  return [
    { label: "Typ", text: KIND[f.kind] ?? f.kind },
    { label: "Rubrik", text: f.title },
    { label: "Adress", text: f.slug },
    { label: "Ingress", text: f.lead },
    { label: "Brödtext", text: bodyText(f.body) },
    { label: "Huvudbild", text: f.heroImageId ? (names[f.heroImageId] ?? "bild") : "" },
    { label: "Organisationer", text: list(f.organisationIds) },
    { label: "Ämnen", text: list(f.topicIds) },
    { label: "Intervjuade", text: list(f.intervieweeIds) },
    { label: "Nätverk", text: list(f.networkIds) },
    { label: "Serie", text: f.seriesId ? `${names[f.seriesId] ?? "serie"}${f.seriesPosition ? `, del ${f.seriesPosition}` : ""}` : "" },
    { label: "Metabeskrivning", text: f.metaDescription ?? "" },
    { label: "Sidansvarig", text: f.pageOwner ?? "" },
    { label: "Byline", text: f.byline ?? "" },
  ];
}

function bodyText(doc: RichTextDoc | undefined): string {
  try {
    return doc ? docToPlainText(doc) : "";
  } catch {
    return "";
  }
}

/** Field by field, what changed from `before` (null: nothing before) to `after`. */
export function diffStories(before: StoryFields | null, after: StoryFields, names: Names): FieldDiff[] {
  const a = before ? storyAsText(before, names) : null;
  return storyAsText(after, names).map((field, i) => {
    const old = a ? a[i]!.text : "";
    if (old === field.text) return { label: field.label, changed: false, parts: [{ kind: "same", text: field.text }] };
    const parts: DiffPart[] = diffWords(old, field.text).map((c) => ({ kind: c.added ? "added" : c.removed ? "removed" : "same", text: c.value }));
    return { label: field.label, changed: true, parts };
  });
}
