import { beforeAll, describe, expect, it } from "vitest";
import type { StoryStatus } from "@/generated/prisma/client";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { storyWorkflowState } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { bulkStoryStep, publishStory, runStep, saveStory, STEPS, submitForReview, trashStory, type StepName } from "@/lib/db/editorial";
import { MOMENT_FORMAT, PICK_MOMENT } from "@/lib/validation/story";
import { createActor, createOrganisation, storyFieldsInput } from "../factories";

// The workflow table (STEPS) run by runStep: the trash guard of every step, the parsing of the
// input, and the answer each step gives (the new state and what the actor may now do).

let lerum: { id: string };
let admin: Actor;
let editor: Actor;
let writer: Actor;
let otherEditor: Actor;

beforeAll(async () => {
  lerum = await createOrganisation(db());
  const elsewhere = await createOrganisation(db());
  admin = await createActor(db(), { role: "ADMIN" });
  editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
  otherEditor = await createActor(db(), { role: "EDITOR", organisationIds: [elsewhere.id] });
  writer = await createActor(db(), { role: "WRITER", organisationIds: [lerum.id] });
});

async function draft(actor: Actor, over: Parameters<typeof storyFieldsInput>[0] = {}) {
  const r = await saveStory(db(), actor, { id: null, version: 0, fields: storyFieldsInput({ organisationIds: [lerum.id], ...over }) });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const tomorrow = () => new Date(Date.now() + 24 * 3600 * 1000).toISOString();

describe("the trash guard", () => {
  // Enumerated from the table: a step added later is covered without a new line here.
  for (const name of Object.keys(STEPS) as StepName[]) {
    const step = STEPS[name];
    it(`${name}: ${step.trash === "refused" ? "refuses a story in the trash" : "needs a story in the trash"}`, async () => {
      const s = await draft(editor);
      // In a state the step starts from, so only the trash can stop it.
      const status = step.from[0] as StoryStatus;
      const dated = status === "PUBLISHED" || status === "SCHEDULED";
      await db().story.update({ where: { id: s.id }, data: { status, publishedAt: dated ? new Date() : null, deletedAt: new Date() } });
      const before = await db().story.findUniqueOrThrow({ where: { id: s.id } });
      const audits = await db().auditLog.count({ where: { entityId: s.id } });
      const result = await runStep(db(), admin, name, { id: s.id, at: tomorrow() });
      const after = await db().story.findUniqueOrThrow({ where: { id: s.id } });
      if (step.trash === "refused") {
        expect(result).toMatchObject({ ok: false, error: expect.stringContaining("papperskorgen") });
        expect(after.version).toBe(before.version);
        expect(await db().auditLog.count({ where: { entityId: s.id } })).toBe(audits);
      } else {
        expect(result).toMatchObject({ ok: true, value: { id: s.id, inTrash: false, version: before.version + 1 } });
        expect(after.deletedAt).toBeNull();
      }
    });
  }

  it("restoring refuses a story that is not in the trash", async () => {
    const s = await draft(editor);
    expect(await runStep(db(), editor, "restore", { id: s.id })).toEqual({ ok: false, error: "Artikeln ligger inte i papperskorgen.", fieldErrors: undefined });
  });
});

describe("the input", () => {
  it("refuses an id that is not one, before reading anything", async () => {
    for (const id of ["inte-ett-id", "", 42, null]) {
      expect(await runStep(db(), editor, "publish", { id })).toMatchObject({ ok: false, error: "Ogiltig begäran." });
    }
    expect(await runStep(db(), editor, "publish", undefined)).toMatchObject({ ok: false, error: "Ogiltig begäran." });
  });

  it("asks for the moment when scheduling without one, empty or left out", async () => {
    const s = await draft(editor);
    expect(await publishStory(db(), editor, { id: s.id, at: "" })).toMatchObject({ ok: false, fieldErrors: { at: PICK_MOMENT } });
    expect(await publishStory(db(), editor, { id: s.id, at: "   " })).toMatchObject({ ok: false, fieldErrors: { at: PICK_MOMENT } });
    expect(await runStep(db(), editor, "schedule", { id: s.id })).toMatchObject({ ok: false, fieldErrors: { at: PICK_MOMENT } });
    expect((await db().story.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DRAFT");
  });

  it("says how to write a moment it cannot read", async () => {
    const s = await draft(editor);
    for (const at of ["imorgon", "2026-13-01T10:00", "2026-11-22 10:00", "2026-03-29T02:30"]) {
      expect(await publishStory(db(), editor, { id: s.id, at }), at).toMatchObject({ ok: false, fieldErrors: { at: MOMENT_FORMAT } });
    }
  });

  it("takes a datetime-local value in Stockholm time or an ISO time with its zone", async () => {
    const now = new Date("2026-11-22T10:00:00Z");
    const local = await draft(editor);
    expect(await publishStory(db(), editor, { id: local.id, at: "2026-11-23T09:30" }, now)).toMatchObject({ ok: true, value: { status: "SCHEDULED", publishedAt: "2026-11-23T08:30:00.000Z" } });
    const iso = await draft(editor);
    expect(await publishStory(db(), editor, { id: iso.id, at: "2026-11-23T09:30:00Z" }, now)).toMatchObject({ ok: true, value: { status: "SCHEDULED", publishedAt: "2026-11-23T09:30:00.000Z" } });
  });
});

describe("the answer of a step", () => {
  it("is the new state and what the actor may now do, as a fresh read would say", async () => {
    const s = await draft(writer);
    const submitted = await submitForReview(db(), writer, { id: s.id });
    // Submitted, the story is no longer the writer's to change.
    expect(submitted).toMatchObject({ ok: true, value: { status: "IN_REVIEW", version: s.version + 1, can: { edit: false, submit: false, publish: false, delete: false } } });
    if (!submitted.ok) return;
    expect(submitted.value).toEqual(await storyWorkflowState(db(), writer, s.id));

    const published = await runStep(db(), editor, "publish", { id: s.id });
    expect(published).toMatchObject({ ok: true, value: { status: "PUBLISHED", publishedAt: expect.any(String), can: { edit: true, publish: true } } });
    if (!published.ok) return;
    expect(published.value).toEqual(await storyWorkflowState(db(), editor, s.id));

    const trashed = await trashStory(db(), editor, { id: s.id });
    expect(trashed).toMatchObject({ ok: true, value: { status: "DRAFT", inTrash: true } });
  });

  it("refuses a step based on a version that is no longer the story's", async () => {
    const s = await draft(editor);
    expect(await runStep(db(), editor, "submit", { id: s.id, version: s.version - 1 })).toMatchObject({ ok: false, error: expect.stringContaining("har ändrats") });
    expect(await runStep(db(), editor, "submit", { id: s.id, version: s.version })).toMatchObject({ ok: true });
  });
});

describe("bulk steps", () => {
  it("refuse story by story: the trash, another organisation's story and a finished state each on their own", async () => {
    const fine = await draft(editor);
    const inTrash = await draft(editor);
    await trashStory(db(), editor, { id: inTrash.id });
    const theirs = await draft(admin, { title: "Någon annans", organisationIds: [otherEditor.organisationIds[0]!] });
    const result = await bulkStoryStep(db(), editor, { step: "trash", ids: [fine.id, inTrash.id, theirs.id] });
    expect(result).toMatchObject({ ok: true, value: { done: [fine.id] } });
    if (!result.ok) return;
    expect(Object.fromEntries(result.value.refused.map((r) => [r.id, r.reason]))).toEqual({
      [inTrash.id]: "Artikeln ligger redan i papperskorgen.",
      [theirs.id]: "Du har inte behörighet att göra det med den här artikeln.",
    });

    // Archiving twice: the second time is refused for that story only.
    const other = await draft(editor);
    await runStep(db(), editor, "archive", { id: other.id });
    const archive = await bulkStoryStep(db(), editor, { step: "archive", ids: [other.id, inTrash.id] });
    expect(archive).toMatchObject({ ok: true, value: { done: [], refused: [{ id: other.id, reason: "Artikeln är redan arkiverad." }, { id: inTrash.id, reason: expect.stringContaining("papperskorgen") }] } });
  });

  it("still throws for one story outside a bulk run", async () => {
    const theirs = await draft(admin, { organisationIds: [otherEditor.organisationIds[0]!] });
    await expect(runStep(db(), editor, "publish", { id: theirs.id })).rejects.toBeInstanceOf(ForbiddenError);
  });
});
