import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { publishStory, saveStory } from "@/lib/db/editorial";
import { findPreviewCopy, stagePreviewCopy, withPreviewCopy } from "@/lib/db/story-preview";
import { getPublishedStory, getStoryPreview } from "@/lib/db/stories";
import { createActor, createOrganisation, createTopic, paragraphDoc, storyFieldsInput } from "../factories";

// Unsaved changes of a published story handed to its preview: shown to that user's preview
// only, checked like a save, and never on the public page.

let editor: Actor;
let otherEditor: Actor;
let storyId: string;
let slug: string;
let topic: { id: string; name: string };

beforeAll(async () => {
  const lerum = await createOrganisation(db(), { slug: "lerum-forhandsvisning", name: "Lerums kommun" });
  const ale = await createOrganisation(db(), { slug: "ale-forhandsvisning", name: "Ale kommun" });
  topic = await createTopic(db(), { slug: "hamnar", name: "Hamnar" });
  editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
  otherEditor = await createActor(db(), { role: "EDITOR", organisationIds: [ale.id] });
  const saved = await saveStory(db(), editor, { id: null, version: 0, fields: storyFieldsInput({ title: "Hamnen växer", lead: "Den publicerade ingressen.", organisationIds: [lerum.id] }) });
  if (!saved.ok) throw new Error("save failed");
  storyId = saved.value.id;
  slug = saved.value.slug;
  const published = await publishStory(db(), editor, { id: storyId });
  if (!published.ok) throw new Error("publish failed");
});

describe("preview copies", () => {
  it("keeps the unsaved fields for the user's preview and leaves the story as it was", async () => {
    const fields = storyFieldsInput({ title: "Hamnen växer mer", lead: "En ingress som inte är sparad.", body: paragraphDoc("Ett osparat stycke."), organisationIds: [...editor.organisationIds], topicIds: [topic.id] });
    const result = await stagePreviewCopy(db(), editor, { id: storyId, fields });
    expect(result.ok).toBe(true);

    const copy = await findPreviewCopy(db(), storyId, editor.id);
    expect(copy?.lead).toBe("En ingress som inte är sparad.");
    const preview = await getStoryPreview(slug);
    const shown = await withPreviewCopy(db(), preview!, copy!);
    expect(shown.title).toBe("Hamnen växer mer");
    expect(shown.topics).toEqual([{ slug: "hamnar", name: "Hamnar" }]);
    expect(JSON.stringify(shown.body)).toContain("Ett osparat stycke.");
    // Nothing public changed.
    expect((await getPublishedStory(slug))?.lead).toBe("Den publicerade ingressen.");
    // Another user's preview has no copy.
    expect(await findPreviewCopy(db(), storyId, otherEditor.id)).toBeNull();
  });

  it("refuses a user who may not edit the story, and fields a save would refuse", async () => {
    await expect(stagePreviewCopy(db(), otherEditor, { id: storyId, fields: storyFieldsInput() })).rejects.toBeInstanceOf(ForbiddenError);
    const bad = await stagePreviewCopy(db(), editor, { id: storyId, fields: storyFieldsInput({ metaDescription: "x".repeat(400), organisationIds: [...editor.organisationIds] }) });
    expect(bad.ok).toBe(false);
    expect(bad.ok ? {} : bad.fieldErrors).toHaveProperty("metaDescription");
    expect((await stagePreviewCopy(db(), editor, { id: "inte-ett-id", fields: {} })).ok).toBe(false);
  });

  it("ignores a copy older than a day", async () => {
    const tomorrow = new Date(Date.now() + 25 * 60 * 60 * 1000);
    expect(await findPreviewCopy(db(), storyId, editor.id, tomorrow)).toBeNull();
  });
});
