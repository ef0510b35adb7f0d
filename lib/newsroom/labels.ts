// Swedish names of story states, shared by the newsroom's lists and editor.
export const STATUS_LABELS: Record<string, string> = { DRAFT: "Utkast", IN_REVIEW: "Granskas", SCHEDULED: "Schemalagd", PUBLISHED: "Publicerad", ARCHIVED: "Arkiverad" };

/** A draft may still lack a title: the newsroom's lists and links name it all the same. */
export function storyTitle(title: string): string {
  return title.trim() || "Namnlös artikel";
}
