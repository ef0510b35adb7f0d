// Swedish names of story states, shared by the newsroom's lists and editor.
export const STATUS_LABELS: Record<string, string> = { DRAFT: "Utkast", IN_REVIEW: "Granskas", SCHEDULED: "Schemalagd", PUBLISHED: "Publicerad", ARCHIVED: "Arkiverad" };
