/** The story (id) whose preview shows the unsaved changes handed over by the editor (lib/db/story-preview.ts). */
export const PREVIEW_COPY_COOKIE = "nln-forhandsvisning-osparat";
