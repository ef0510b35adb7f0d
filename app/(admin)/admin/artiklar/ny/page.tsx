import type { Metadata } from "next";
import { StoryEditor } from "@/components/admin/editor/story-editor";
import { storyCapabilities } from "@/lib/auth/permissions";
import { storyOptions } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { requirePermission } from "@/lib/newsroom/actor";
import { emptyStoryFields } from "@/lib/validation/story";
import { storyEditorActions } from "../editor-actions";

export const metadata: Metadata = { title: "Ny artikel" };

export default async function NewStoryPage() {
  const actor = await requirePermission("story.create");
  const options = await storyOptions(db());
  const mine = actor.role === "ADMIN" ? [] : actor.organisationIds.slice(0, 1);
  return (
    <>
      <h1 className="mb-6 text-3xl font-bold">Ny artikel</h1>
      <StoryEditor
        actions={storyEditorActions}
        userId={actor.id}
        options={options}
        story={{
          id: null,
          version: 0,
          status: "DRAFT",
          publishedAt: null,
          heroImage: null,
          // The same rule the first save answers with: an editor may publish a story of their own organisation.
          can: storyCapabilities(actor, { createdById: actor.id, status: "DRAFT", organisationIds: mine }),
          fields: emptyStoryFields(mine),
        }}
      />
    </>
  );
}
