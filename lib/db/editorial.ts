import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { z } from "zod";
import { assertCan, ForbiddenError, storyCapabilities, type Actor, type StoryAccess, type StoryCapabilities } from "@/lib/auth/permissions";
import { storyTags } from "@/lib/cache";
import { storyTitle } from "@/lib/newsroom/labels";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { cleanEditorJson } from "@/lib/rich-text/clean";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/slug";
import { stockholmLocalToDate } from "@/lib/stockholm-time";
import { fieldErrorsOf } from "@/lib/validation/form";
import { parseStoryFields, publishProblems, saveStoryInputSchema, updateKindSchema, type StoryFields } from "@/lib/validation/story";
import { audit } from "./audit";
import { isPublished } from "./published";

// Story commands of the newsroom: save (with optimistic locking and a revision per save),
// the publishing workflow, the trash, and the scheduler's job. Every command loads the story
// from the database and authorises the actor for that very record before it changes anything.

type Tx = Prisma.TransactionClient;
type Client = PrismaClient;

export const TRASH_DAYS = 30;
/** Autosaves by the same person within this window update one revision instead of adding many. */
const AUTOSAVE_COALESCE_MS = 10 * 60 * 1000;

export const storyStateSelect = {
  id: true,
  kind: true,
  title: true,
  slug: true,
  lead: true,
  body: true,
  heroImageId: true,
  status: true,
  publishedAt: true,
  contentUpdatedAt: true,
  pageOwner: true,
  byline: true,
  seriesId: true,
  seriesPosition: true,
  metaDescription: true,
  version: true,
  createdById: true,
  deletedAt: true,
  updatedAt: true,
  organisations: { select: { organisation: { select: { id: true, slug: true } } } },
  topics: { select: { topic: { select: { id: true, slug: true } } } },
  interviewees: { select: { person: { select: { id: true, slug: true } } }, orderBy: { position: "asc" } },
  people: { select: { person: { select: { slug: true } } } },
  networks: { select: { network: { select: { id: true, slug: true } } } },
  series: { select: { slug: true } },
  author: { select: { slug: true } },
} satisfies Prisma.StorySelect;

type StoryState = Prisma.StoryGetPayload<{ select: typeof storyStateSelect }>;

async function loadState(client: Client | Tx, id: string): Promise<StoryState | null> {
  if (!isUuid(id)) return null;
  return client.story.findUnique({ where: { id }, select: storyStateSelect });
}

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

export function accessOf(s: { createdById: string | null; status: string; organisations: { organisation: { id: string } }[] }): StoryAccess {
  return { createdById: s.createdById, status: s.status, organisationIds: s.organisations.map((o) => o.organisation.id) };
}

export function fieldsOf(s: StoryState): StoryFields {
  return {
    kind: s.kind,
    title: s.title,
    slug: s.slug,
    lead: s.lead,
    body: s.body as unknown as RichTextDoc,
    heroImageId: s.heroImageId,
    organisationIds: s.organisations.map((o) => o.organisation.id),
    topicIds: s.topics.map((t) => t.topic.id),
    intervieweeIds: s.interviewees.map((i) => i.person.id),
    networkIds: s.networks.map((n) => n.network.id),
    seriesId: s.seriesId,
    seriesPosition: s.seriesPosition,
    metaDescription: s.metaDescription,
    pageOwner: s.pageOwner,
    byline: s.byline,
  };
}

/** Every public cache tag the story shows under, from its state in the database. */
function tagsOf(s: StoryState): string[] {
  return storyTags({
    slug: s.slug,
    organisations: s.organisations.map((o) => o.organisation),
    topics: s.topics.map((t) => t.topic),
    networks: s.networks.map((n) => n.network),
    people: [...s.interviewees.map((i) => i.person), ...s.people.map((p) => p.person), ...(s.author ? [s.author] : [])],
    series: s.series,
  });
}

function firstSegmentErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, message] of Object.entries(errors)) out[key.split(".")[0]!] ??= message;
  return out;
}

const NOT_FOUND = "Artikeln finns inte längre.";
const IN_TRASH = "Artikeln ligger i papperskorgen. Återställ den först.";

// ─── Saving ────────────────────────────────────────────────────────────────────────────────

/** A save's answer: the new state, and what the actor may now do with the story (it may have changed organisations). */
export type SavedStory = { id: string; version: number; slug: string; status: string; savedAt: string; can: StoryCapabilities };
export type StoryConflict = { version: number; updatedAt: string; updatedBy: string | null; fields: StoryFields };
export type SaveResult = CommandResult<SavedStory> | { ok: false; error: string; conflict: StoryConflict };

/**
 * Validates and resolves the editable fields (slug made from the title when left empty). A
 * draft whose address is taken gets the first free one with a suffix (`-2`, `-3` …) and a note
 * saying so, so a save is never blocked by it; a public story keeps its clash as a field error
 * (its address is what readers and search engines know).
 */
async function prepareFields(
  client: Client,
  actor: Actor,
  raw: unknown,
  story: { id: string | null; isPublic: boolean },
): Promise<{ ok: true; fields: StoryFields; note: string | null } | { ok: false; fieldErrors: Record<string, string> }> {
  const input = raw && typeof raw === "object" ? { ...(raw as Record<string, unknown>), body: cleanEditorJson((raw as Record<string, unknown>).body) } : raw;
  const parsed = parseStoryFields(input);
  if (!parsed.ok) return parsed;
  const fields = { ...parsed.fields };
  // An untitled draft (or a title with no letters) is "utkast", made unique below.
  if (!fields.slug) fields.slug = slugify(fields.title) || "utkast";
  if (actor.role !== "ADMIN" && !fields.organisationIds.some((id) => actor.organisationIds.includes(id))) {
    return { ok: false, fieldErrors: { organisationIds: "Artikeln måste röra minst en av dina organisationer." } };
  }
  const clash = await findSlugClash(client, fields.slug, story.id);
  if (!clash) return { ok: true, fields, note: null };
  if (story.isPublic) return { ok: false, fieldErrors: { slug: `Adressen används redan av artikeln ”${clash}”. Välj en annan.` } };
  const free = await freeSlug(client, fields.slug, story.id);
  const note = `Adressen ”${fields.slug}” används redan av artikeln ”${clash}”, så utkastet fick adressen ”${free}”.`;
  return { ok: true, fields: { ...fields, slug: free }, note };
}

/** The first of `slug-2`, `slug-3` … that no other story has (cut so the suffix fits). */
async function freeSlug(client: Client, slug: string, exceptId: string | null): Promise<string> {
  const base = slug.slice(0, SLUG_MAX_LENGTH - 5).replace(/-+$/, "");
  const taken = new Set(
    (await client.story.findMany({ where: { slug: { startsWith: `${base}-` }, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { slug: true } })).map((s) => s.slug),
  );
  let n = 2;
  while (taken.has(`${base}-${n}`)) n++;
  return `${base}-${n}`;
}

const withNote = (message: string, note: string | null) => (note ? `${message} ${note}` : message);

/** The title of another story that already has this slug, if any. */
export async function findSlugClash(client: Client, slug: string, exceptId: string | null): Promise<string | null> {
  const other = await client.story.findFirst({ where: { slug, ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { title: true } });
  return other?.title ?? null;
}

function scalarData(f: StoryFields) {
  return {
    kind: f.kind,
    title: f.title,
    slug: f.slug,
    lead: f.lead,
    body: f.body as unknown as Prisma.InputJsonValue,
    heroImageId: f.heroImageId,
    seriesId: f.seriesId,
    seriesPosition: f.seriesId ? f.seriesPosition : null,
    metaDescription: f.metaDescription,
    pageOwner: f.pageOwner,
    byline: f.byline,
  };
}

async function writeRelations(tx: Tx, storyId: string, f: StoryFields): Promise<void> {
  await Promise.all([
    tx.storyOrganisation.deleteMany({ where: { storyId } }),
    tx.storyTopic.deleteMany({ where: { storyId } }),
    tx.storyInterviewee.deleteMany({ where: { storyId } }),
    tx.storyNetwork.deleteMany({ where: { storyId } }),
  ]);
  const unique = (list: string[]) => [...new Set(list)];
  await Promise.all([
    tx.storyOrganisation.createMany({ data: unique(f.organisationIds).map((organisationId) => ({ storyId, organisationId })) }),
    tx.storyTopic.createMany({ data: unique(f.topicIds).map((topicId) => ({ storyId, topicId })) }),
    tx.storyInterviewee.createMany({ data: unique(f.intervieweeIds).map((personId, position) => ({ storyId, personId, position })) }),
    tx.storyNetwork.createMany({ data: unique(f.networkIds).map((networkId) => ({ storyId, networkId })) }),
  ]);
}

async function addRevision(tx: Tx, storyId: string, version: number, fields: StoryFields, reason: string, actor: Actor | null): Promise<void> {
  const snapshot = fields as unknown as Prisma.InputJsonValue;
  if (reason === "autosave" && actor) {
    const last = await tx.storyRevision.findFirst({ where: { storyId }, orderBy: { createdAt: "desc" }, select: { id: true, reason: true, createdById: true, createdAt: true } });
    if (last && last.reason === "autosave" && last.createdById === actor.id && Date.now() - last.createdAt.getTime() < AUTOSAVE_COALESCE_MS) {
      await tx.storyRevision.update({ where: { id: last.id }, data: { version, snapshot, createdAt: new Date() } });
      return;
    }
  }
  await tx.storyRevision.create({ data: { storyId, version, snapshot, reason, createdById: actor?.id ?? null } });
}

class VersionConflict extends Error {}

/**
 * Creates (id null) or updates a story. An update names the version it was based on; if
 * someone saved in between, nothing is written and the newer version comes back for the
 * conflict view. Saving a published story is either minor or a real update with a note.
 */
export async function saveStory(client: Client, actor: Actor, input: unknown, reason: "save" | "autosave" | "restore" = "save"): Promise<SaveResult> {
  const parsedInput = saveStoryInputSchema.safeParse(input);
  if (!parsedInput.success) return failure("Ogiltig begäran.");
  const { id, version, autosave } = parsedInput.data;
  const why = autosave ? "autosave" : reason;

  if (id === null) {
    assertCan(actor, "story.create");
    const prepared = await prepareFields(client, actor, parsedInput.data.fields, { id: null, isPublic: false });
    if (!prepared.ok) return invalid(prepared.fieldErrors);
    const f = prepared.fields;
    const created = await client.$transaction(async (tx) => {
      const story = await tx.story.create({ data: { ...scalarData(f), status: "DRAFT", createdById: actor.id }, select: { id: true, version: true, slug: true, status: true, updatedAt: true } });
      await writeRelations(tx, story.id, f);
      await addRevision(tx, story.id, story.version, f, "create", actor);
      await audit(tx, { actor, action: "story.create", entityType: "story", entityId: story.id, summary: `Skapade ”${f.title}”` });
      return story;
    });
    const can = storyCapabilities(actor, { createdById: actor.id, status: created.status, organisationIds: f.organisationIds });
    return success({ id: created.id, version: created.version, slug: created.slug, status: created.status, savedAt: created.updatedAt.toISOString(), can }, [], withNote("Artikeln är sparad som utkast.", prepared.note));
  }

  const before = await loadState(client, id);
  if (!before) return failure(NOT_FOUND);
  assertCan(actor, "story.edit", { story: accessOf(before) });
  if (before.deletedAt) return failure(IN_TRASH);
  const wasPublic = isPublished(before);
  if (wasPublic && autosave) return failure("Publicerade artiklar sparas bara när du väljer det.");

  const prepared = await prepareFields(client, actor, parsedInput.data.fields, { id, isPublic: wasPublic });
  if (!prepared.ok) return invalid(prepared.fieldErrors);
  const f = prepared.fields;
  // Only a draft may be incomplete: a story in review, scheduled or published stays ready.
  if (before.status !== "DRAFT") {
    const problems = publishProblems(f);
    if (Object.keys(problems).length) return invalid(problems, "Artikeln kunde inte sparas: den är inte längre komplett.");
  }
  let changeNote: string | null = null;
  if (wasPublic) {
    const update = updateKindSchema.safeParse(parsedInput.data.update ?? { updateKind: "minor" });
    if (!update.success) return invalid(firstSegmentErrors(fieldErrorsOf(update.error)));
    if (update.data.updateKind === "major") changeNote = update.data.changeNote;
  }

  try {
    const saved = await client.$transaction(async (tx) => {
      const now = new Date();
      const res = await tx.story.updateMany({
        where: { id, version, deletedAt: null },
        data: { ...scalarData(f), version: { increment: 1 }, updatedAt: now, ...(changeNote ? { contentUpdatedAt: now } : {}) },
      });
      if (res.count === 0) throw new VersionConflict();
      await writeRelations(tx, id, f);
      if (changeNote) await tx.storyChangeNote.create({ data: { storyId: id, note: changeNote, createdAt: now } });
      await addRevision(tx, id, version + 1, f, why, actor);
      if (wasPublic) {
        await audit(tx, { actor, action: changeNote ? "story.update" : "story.edit", entityType: "story", entityId: id, summary: `${changeNote ? "Uppdaterade" : "Ändrade"} publicerade ”${f.title}”` });
      }
      return { version: version + 1, savedAt: now };
    });
    const after = wasPublic ? await loadState(client, id) : null;
    const tags = wasPublic && after ? [...tagsOf(before), ...tagsOf(after)] : [];
    const message = why === "autosave" ? "Utkastet sparades automatiskt." : wasPublic ? "Ändringarna är publicerade." : "Artikeln är sparad.";
    const can = storyCapabilities(actor, { createdById: before.createdById, status: before.status, organisationIds: f.organisationIds });
    return success({ id, version: saved.version, slug: f.slug, status: before.status, savedAt: saved.savedAt.toISOString(), can }, tags, withNote(message, prepared.note));
  } catch (err) {
    if (!(err instanceof VersionConflict)) throw err;
    const current = await loadState(client, id);
    if (!current || current.deletedAt) return failure(NOT_FOUND);
    const lastRevision = await client.storyRevision.findFirst({ where: { storyId: id }, orderBy: { createdAt: "desc" }, select: { createdBy: { select: { name: true } } } });
    return {
      ok: false,
      error: "Någon annan har sparat artikeln medan du skrev. Jämför versionerna och välj vad som ska gälla.",
      conflict: { version: current.version, updatedAt: current.updatedAt.toISOString(), updatedBy: lastRevision?.createdBy?.name ?? null, fields: fieldsOf(current) },
    };
  }
}

/** Puts an earlier revision back as the current text: a new save, so it is undoable too. */
export const RESTORE_PUBLIC = "En publicerad artikel återställs i redigeraren: läs in versionen där och spara den som en ändring.";

export async function restoreRevision(client: Client, actor: Actor, input: unknown): Promise<SaveResult> {
  const { storyId, revisionId, version } = (input ?? {}) as Record<string, unknown>;
  if (!isUuid(storyId) || !isUuid(revisionId) || typeof version !== "number") return failure("Ogiltig begäran.");
  const story = await loadState(client, storyId);
  if (!story) return failure(NOT_FOUND);
  assertCan(actor, "story.edit", { story: accessOf(story) });
  // A public story's page would change at once: it is restored in the editor instead, as an
  // edit with the minor/real-update choice (decision 009).
  if (isPublished(story)) return failure(RESTORE_PUBLIC);
  const revision = await client.storyRevision.findFirst({ where: { id: revisionId, storyId }, select: { snapshot: true, createdAt: true } });
  if (!revision) return failure("Versionen finns inte.");
  const result = await saveStory(client, actor, { id: storyId, version, fields: revision.snapshot, update: { updateKind: "minor" } }, "restore");
  if (result.ok) {
    await audit(client, { actor, action: "story.restore-revision", entityType: "story", entityId: storyId, summary: `Återställde en version från ${revision.createdAt.toISOString()} av ”${story.title}”` });
    return { ...result, message: "Versionen är återställd." };
  }
  return result;
}

// ─── Workflow ──────────────────────────────────────────────────────────────────────────────

type Transition = { id: string; version?: number };

function transitionInput(input: unknown): Transition | null {
  const { id, version } = (input ?? {}) as Record<string, unknown>;
  if (!isUuid(id)) return null;
  return { id, version: typeof version === "number" ? version : undefined };
}

/** Moves a story to a new state, refusing if it changed since the editor loaded it. */
async function transition(
  client: Client,
  story: StoryState,
  expectedVersion: number | undefined,
  data: Prisma.StoryUpdateManyMutationInput,
  revisionReason: string,
  actor: Actor | null,
  auditEntry: { action: string; summary: string },
): Promise<boolean> {
  return client.$transaction(async (tx) => {
    const res = await tx.story.updateMany({ where: { id: story.id, version: expectedVersion ?? story.version }, data: { ...data, version: { increment: 1 } } });
    if (res.count === 0) return false;
    await addRevision(tx, story.id, story.version + 1, fieldsOf(story), revisionReason, actor);
    await audit(tx, { actor, action: auditEntry.action, entityType: "story", entityId: story.id, summary: auditEntry.summary });
    return true;
  });
}

const STALE = "Artikeln har ändrats sedan du öppnade den. Ladda om sidan och försök igen.";

async function loadForWorkflow(client: Client, input: unknown): Promise<{ story: StoryState; t: Transition } | { error: string }> {
  const t = transitionInput(input);
  if (!t) return { error: "Ogiltig begäran." };
  const story = await loadState(client, t.id);
  if (!story) return { error: NOT_FOUND };
  return { story, t };
}

export async function submitForReview(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story, t } = loaded;
  assertCan(actor, "story.submit", { story: accessOf(story) });
  if (story.deletedAt) return failure(IN_TRASH);
  if (story.status !== "DRAFT") return failure("Bara utkast kan skickas för granskning.");
  const problems = publishProblems(fieldsOf(story));
  if (Object.keys(problems).length) return invalid(problems, "Artikeln är inte klar för granskning.");
  const ok = await transition(client, story, t.version, { status: "IN_REVIEW" }, "submit", actor, { action: "story.submit", summary: `Skickade ”${story.title}” för granskning` });
  return ok ? success(null, [], "Artikeln är skickad för granskning.") : failure(STALE);
}

export async function returnToDraft(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story, t } = loaded;
  assertCan(actor, "story.publish", { story: accessOf(story) });
  if (story.status !== "IN_REVIEW") return failure("Bara artiklar som granskas kan skickas tillbaka.");
  const ok = await transition(client, story, t.version, { status: "DRAFT" }, "return", actor, { action: "story.return", summary: `Skickade tillbaka ”${story.title}” till skribenten` });
  return ok ? success(null, [], "Artikeln är tillbaka som utkast.") : failure(STALE);
}

/** Publishes now, or (with `at`, Stockholm time "YYYY-MM-DDTHH:MM") schedules for later. */
export async function publishStory(client: Client, actor: Actor, input: unknown, now = new Date()): Promise<CommandResult<{ status: string; publishedAt: string }>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story, t } = loaded;
  assertCan(actor, "story.publish", { story: accessOf(story) });
  if (story.deletedAt) return failure(IN_TRASH);
  const problems = publishProblems(fieldsOf(story));
  if (Object.keys(problems).length) return invalid(problems, "Artikeln kan inte publiceras ännu.");

  const atRaw = (input as { at?: unknown }).at;
  if (typeof atRaw === "string" && atRaw !== "") {
    const at = stockholmLocalToDate(atRaw);
    if (!at) return invalid({ at: "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM." });
    if (at.getTime() <= now.getTime()) return invalid({ at: "Tidpunkten har redan passerat. Välj en senare tid eller publicera nu." });
    if (isPublished(story, now)) return failure("Artikeln är redan publicerad. Avpublicera den först om den ska schemaläggas.");
    const ok = await transition(client, story, t.version, { status: "SCHEDULED", publishedAt: at, contentUpdatedAt: at }, "schedule", actor, {
      action: "story.schedule",
      summary: `Schemalade ”${story.title}” till ${at.toISOString()}`,
    });
    return ok ? success({ status: "SCHEDULED", publishedAt: at.toISOString() }, [], "Artikeln är schemalagd.") : failure(STALE);
  }

  if (isPublished(story, now)) return failure("Artikeln är redan publicerad.");
  // A story published before (and then taken down) keeps its original date.
  const keepDate = story.status !== "SCHEDULED" && story.publishedAt && story.publishedAt <= now;
  const publishedAt = keepDate ? story.publishedAt! : now;
  const ok = await transition(client, story, t.version, { status: "PUBLISHED", publishedAt, contentUpdatedAt: story.contentUpdatedAt && keepDate ? story.contentUpdatedAt : publishedAt }, "publish", actor, {
    action: "story.publish",
    summary: `Publicerade ”${story.title}”`,
  });
  return ok ? success({ status: "PUBLISHED", publishedAt: publishedAt.toISOString() }, tagsOf(story), "Artikeln är publicerad.") : failure(STALE);
}

/** Takes a published or scheduled story off the site; it becomes a draft again. */
export async function unpublishStory(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story, t } = loaded;
  assertCan(actor, "story.publish", { story: accessOf(story) });
  if (story.status !== "PUBLISHED" && story.status !== "SCHEDULED") return failure("Artikeln är inte publicerad.");
  const wasPublic = isPublished(story);
  const ok = await transition(client, story, t.version, { status: "DRAFT" }, "unpublish", actor, { action: "story.unpublish", summary: `Avpublicerade ”${story.title}”` });
  return ok ? success(null, wasPublic ? tagsOf(story) : [], "Artikeln är avpublicerad och är nu ett utkast.") : failure(STALE);
}

/** Archived: finished and off the site, kept in the newsroom (unlike the trash). */
export async function archiveStory(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story, t } = loaded;
  assertCan(actor, "story.publish", { story: accessOf(story) });
  if (story.status === "ARCHIVED") return failure("Artikeln är redan arkiverad.");
  const wasPublic = isPublished(story);
  const ok = await transition(client, story, t.version, { status: "ARCHIVED" }, "archive", actor, { action: "story.archive", summary: `Arkiverade ”${story.title}”` });
  return ok ? success(null, wasPublic ? tagsOf(story) : [], "Artikeln är arkiverad.") : failure(STALE);
}

// ─── Trash ─────────────────────────────────────────────────────────────────────────────────

/** Moves a story to the trash (off the site at once); it can be restored for 30 days. */
export async function trashStory(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story } = loaded;
  assertCan(actor, "story.delete", { story: accessOf(story) });
  if (story.deletedAt) return failure("Artikeln ligger redan i papperskorgen.");
  const wasPublic = isPublished(story);
  await client.$transaction(async (tx) => {
    await tx.story.update({ where: { id: story.id }, data: { deletedAt: new Date(), status: wasPublic || story.status === "SCHEDULED" ? "DRAFT" : story.status, version: { increment: 1 } } });
    await addRevision(tx, story.id, story.version + 1, fieldsOf(story), "trash", actor);
    await audit(tx, { actor, action: "story.delete", entityType: "story", entityId: story.id, summary: `Flyttade ”${story.title}” till papperskorgen` });
  });
  return success(null, wasPublic ? tagsOf(story) : [], "Artikeln ligger nu i papperskorgen.");
}

export async function restoreFromTrash(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const loaded = await loadForWorkflow(client, input);
  if ("error" in loaded) return failure(loaded.error);
  const { story } = loaded;
  assertCan(actor, "story.delete", { story: accessOf(story) });
  if (!story.deletedAt) return failure("Artikeln ligger inte i papperskorgen.");
  await client.$transaction(async (tx) => {
    await tx.story.update({ where: { id: story.id }, data: { deletedAt: null, version: { increment: 1 } } });
    await addRevision(tx, story.id, story.version + 1, fieldsOf(story), "untrash", actor);
    await audit(tx, { actor, action: "story.restore", entityType: "story", entityId: story.id, summary: `Återställde ”${story.title}” från papperskorgen` });
  });
  return success(null, [], "Artikeln är återställd som utkast.");
}

// ─── Scheduler ─────────────────────────────────────────────────────────────────────────────

/**
 * The scheduler's job: publishes every scheduled story whose time has come and empties the
 * trash of stories deleted more than 30 days ago. Returns the cache tags to invalidate.
 * Safe to run concurrently: each story flips from SCHEDULED once.
 */
export async function runScheduledWork(client: Client, now = new Date()): Promise<{ published: string[]; purged: number; tags: string[] }> {
  const due = await client.story.findMany({ where: { status: "SCHEDULED", publishedAt: { lte: now }, deletedAt: null }, select: storyStateSelect });
  const published: string[] = [];
  const tagList: string[] = [];
  for (const story of due) {
    const flipped = await client.$transaction(async (tx) => {
      const res = await tx.story.updateMany({ where: { id: story.id, status: "SCHEDULED" }, data: { status: "PUBLISHED", version: { increment: 1 } } });
      if (res.count === 0) return false;
      // In the history like every other state change, by "Systemet".
      await addRevision(tx, story.id, story.version + 1, fieldsOf(story), "scheduled-publish", null);
      await audit(tx, { actor: null, action: "story.publish", entityType: "story", entityId: story.id, summary: `Publicerade ”${story.title}” enligt schema` });
      return true;
    });
    if (flipped) {
      published.push(story.id);
      tagList.push(...tagsOf(story));
    }
  }
  const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 60 * 60 * 1000);
  const old = await client.story.findMany({ where: { deletedAt: { lt: cutoff } }, select: { id: true, title: true } });
  let purged = 0;
  for (const story of old) {
    // Like the flip above: a story another run has already purged (or someone has just
    // restored) is left alone instead of failing the whole run.
    const deleted = await client.$transaction(async (tx) => {
      const res = await tx.story.deleteMany({ where: { id: story.id, deletedAt: { lt: cutoff } } });
      if (res.count === 0) return false;
      await audit(tx, { actor: null, action: "story.purge", entityType: "story", entityId: story.id, summary: `Tömde ”${story.title}” ur papperskorgen efter ${TRASH_DAYS} dagar` });
      return true;
    });
    if (deleted) purged++;
  }
  return { published, purged, tags: [...new Set(tagList)] };
}

export const storyCommands = { saveStory, restoreRevision, submitForReview, returnToDraft, publishStory, unpublishStory, archiveStory, trashStory, restoreFromTrash };

// ─── Bulk steps ────────────────────────────────────────────────────────────────────────────

const BULK_STEPS = { publish: publishStory, archive: archiveStory, trash: trashStory } as const;
const BULK_DONE: Record<keyof typeof BULK_STEPS, string> = { publish: "publicerades", archive: "arkiverades", trash: "flyttades till papperskorgen" };
export const BULK_MAX = 100;

const bulkInputSchema = z.object({
  step: z.enum(["publish", "archive", "trash"], { error: "Välj vad som ska göras med de valda artiklarna." }),
  ids: z.array(z.string().uuid()).min(1, { error: "Välj minst en artikel." }).max(BULK_MAX, { error: `Välj högst ${BULK_MAX} artiklar åt gången.` }),
});

export type BulkOutcome = { done: string[]; refused: { id: string; title: string; reason: string }[] };

/**
 * One workflow step on several stories from the list. Each story goes through the very command
 * its editor would use, with its own permission check: one that the actor may not touch, or that
 * is not ready, is refused on its own and named, and the rest still happen.
 */
export async function bulkStoryStep(client: Client, actor: Actor, input: unknown): Promise<CommandResult<BulkOutcome>> {
  const parsed = bulkInputSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error), parsed.error.issues[0]?.message);
  const { step, ids } = parsed.data;
  const titles = new Map((await client.story.findMany({ where: { id: { in: ids } }, select: { id: true, title: true } })).map((s) => [s.id, storyTitle(s.title)]));
  const outcome: BulkOutcome = { done: [], refused: [] };
  const tags: string[] = [];
  for (const id of [...new Set(ids)]) {
    const title = titles.get(id);
    if (!title) {
      outcome.refused.push({ id, title: id, reason: NOT_FOUND });
      continue;
    }
    try {
      const result = await BULK_STEPS[step](client, actor, { id });
      if (result.ok) {
        outcome.done.push(id);
        tags.push(...result.tags);
      } else outcome.refused.push({ id, title, reason: result.error ?? "Det gick inte." });
    } catch (err) {
      if (err instanceof ForbiddenError) outcome.refused.push({ id, title, reason: "Du har inte behörighet att göra det med den här artikeln." });
      else throw err;
    }
  }
  const n = outcome.done.length;
  const message = `${n === 1 ? "1 artikel" : `${n} artiklar`} ${BULK_DONE[step]}.${outcome.refused.length ? ` ${outcome.refused.length} gick inte: ${outcome.refused.map((r) => `”${r.title}” (${r.reason})`).join("; ")}` : ""}`;
  return success(outcome, [...new Set(tags)], message);
}
