import type { StoryEditorActions } from "@/components/admin/editor/story-editor";
import { checkSlugAction, saveStoryAction, stagePreviewAction, storyWorkflowAction } from "./actions";

/** The server actions the story editor calls, handed to it by the page. */
export const storyEditorActions: StoryEditorActions = {
  save: saveStoryAction,
  checkSlug: checkSlugAction,
  step: storyWorkflowAction,
  stagePreview: stagePreviewAction,
};
