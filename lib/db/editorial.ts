import "server-only";
import type { Prisma, PrismaClient, StoryStatus } from "@/generated/prisma/client";
import { z } from "zod";
import { assertCan, ForbiddenError, storyCapabilities, type Actor, type Permission, type StoryAccess, type StoryCapabilities } from "@/lib/auth/permissions";
import { storyTags } from "@/lib/cache";
import { storyTitle } from "@/lib/newsroom/labels";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { cleanEditorJson } from "@/lib/rich-text/clean";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/slug";
import { fieldErrorsOf } from "@/lib/validation/form";
import {
  parseStoryFields,
  publishProblems,
  saveStoryInputSchema,
  scheduleInputSchema,
  transitionSchema,
  updateKindSchema,
  type StoryFields,
  type TransitionInput,
} from "@/lib/validation/story";
import { audit } from "./audit";
import { publishGate, overrideSummary } from "./publish-gate";
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
const NOT_IN_TRASH = "Artikeln ligger inte i papperskorgen.";

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

const STALE = "Artikeln har ändrats sedan du öppnade den. Ladda om sidan och försök igen.";
const ALL_STATES = ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED", "ARCHIVED"] as const satisfies readonly StoryStatus[];
const NOT_PUBLIC = ["DRAFT", "IN_REVIEW", "SCHEDULED", "ARCHIVED"] as const satisfies readonly StoryStatus[];

/** What a step writes besides the version; the new state is the loaded one with this on top. */
type StepWrite = { status?: StoryStatus; publishedAt?: Date; contentUpdatedAt?: Date | null; deletedAt?: Date | null };

type Step = {
  /** The states the step starts from, and the answer for any other. */
  from: readonly StoryStatus[];
  notFrom?: string;
  permission: Permission;
  /** Every step refuses a story in the trash except the one that takes it out (which needs one). */
  trash: "refused" | "required";
  /** Instead of the usual answer when the trash guard refuses. */
  trashMessage?: string;
  input?: z.ZodType<TransitionInput, unknown>;
  /** Refused, with the missing fields, unless the story is complete. */
  ready?: string;
  /** The accessibility check's errors block the step unless the input gives an override reason. */
  accessibility?: true;
  check?: (story: StoryState, input: TransitionInput, now: Date) => CommandResult<never> | null;
  write: (story: StoryState, input: TransitionInput, now: Date) => StepWrite;
  audit: { action: string; summary: (title: string, write: StepWrite) => string };
  revision: string;
  done: string;
};

/**
 * The story workflow as one table, run by `runStep`. The cache tags are not listed: a step
 * invalidates the story's public pages when it was public before the step or is after it.
 */
export const STEPS = {
  submit: {
    from: ["DRAFT"],
    notFrom: "Bara utkast kan skickas för granskning.",
    permission: "story.submit",
    trash: "refused",
    ready: "Artikeln är inte klar för granskning.",
    write: () => ({ status: "IN_REVIEW" }),
    audit: { action: "story.submit", summary: (title) => `Skickade ”${title}” för granskning` },
    revision: "submit",
    done: "Artikeln är skickad för granskning.",
  },
  return: {
    from: ["IN_REVIEW"],
    notFrom: "Bara artiklar som granskas kan skickas tillbaka.",
    permission: "story.publish",
    trash: "refused",
    write: () => ({ status: "DRAFT" }),
    audit: { action: "story.return", summary: (title) => `Skickade tillbaka ”${title}” till skribenten` },
    revision: "return",
    done: "Artikeln är tillbaka som utkast.",
  },
  publish: {
    from: NOT_PUBLIC,
    notFrom: "Artikeln är redan publicerad.",
    permission: "story.publish",
    trash: "refused",
    ready: "Artikeln kan inte publiceras ännu.",
    accessibility: true,
    write: (story, _input, now) => {
      // A story published before (and then taken down) keeps its original date.
      const keepDate = story.status !== "SCHEDULED" && !!story.publishedAt && story.publishedAt <= now;
      const publishedAt = keepDate ? story.publishedAt! : now;
      return { status: "PUBLISHED", publishedAt, contentUpdatedAt: keepDate && story.contentUpdatedAt ? story.contentUpdatedAt : publishedAt };
    },
    audit: { action: "story.publish", summary: (title) => `Publicerade ”${title}”` },
    revision: "publish",
    done: "Artikeln är publicerad.",
  },
  schedule: {
    from: NOT_PUBLIC,
    notFrom: "Artikeln är redan publicerad. Avpublicera den först om den ska schemaläggas.",
    permission: "story.publish",
    trash: "refused",
    input: scheduleInputSchema,
    ready: "Artikeln kan inte publiceras ännu.",
    accessibility: true,
    check: (_story, { at }, now) => (at && at.getTime() <= now.getTime() ? invalid({ at: "Tidpunkten har redan passerat. Välj en senare tid eller publicera nu." }) : null),
    write: (_story, { at }) => ({ status: "SCHEDULED", publishedAt: at, contentUpdatedAt: at }),
    audit: { action: "story.schedule", summary: (title, w) => `Schemalade ”${title}” till ${w.publishedAt?.toISOString()}` },
    revision: "schedule",
    done: "Artikeln är schemalagd.",
  },
  unpublish: {
    from: ["PUBLISHED", "SCHEDULED"],
    notFrom: "Artikeln är inte publicerad.",
    permission: "story.publish",
    trash: "refused",
    write: () => ({ status: "DRAFT" }),
    audit: { action: "story.unpublish", summary: (title) => `Avpublicerade ”${title}”` },
    revision: "unpublish",
    done: "Artikeln är avpublicerad och är nu ett utkast.",
  },
  /** Archived: finished and off the site, kept in the newsroom (unlike the trash). */
  archive: {
    from: ["DRAFT", "IN_REVIEW", "SCHEDULED", "PUBLISHED"],
    notFrom: "Artikeln är redan arkiverad.",
    permission: "story.publish",
    trash: "refused",
    write: () => ({ status: "ARCHIVED" }),
    audit: { action: "story.archive", summary: (title) => `Arkiverade ”${title}”` },
    revision: "archive",
    done: "Artikeln är arkiverad.",
  },
  /** Off the site at once (a public or scheduled story becomes a draft); restorable for 30 days. */
  trash: {
    from: ALL_STATES,
    permission: "story.delete",
    trash: "refused",
    trashMessage: "Artikeln ligger redan i papperskorgen.",
    write: (story, _input, now) => ({ deletedAt: now, status: story.status === "PUBLISHED" || story.status === "SCHEDULED" ? "DRAFT" : story.status }),
    audit: { action: "story.delete", summary: (title) => `Flyttade ”${title}” till papperskorgen` },
    revision: "trash",
    done: "Artikeln ligger nu i papperskorgen.",
  },
  restore: {
    from: ALL_STATES,
    permission: "story.delete",
    trash: "required",
    write: () => ({ deletedAt: null }),
    audit: { action: "story.restore", summary: (title) => `Återställde ”${title}” från papperskorgen` },
    revision: "untrash",
    done: "Artikeln är återställd som utkast.",
  },
} as const satisfies Record<string, Step>;

export type StepName = keyof typeof STEPS;

/** A story's workflow state and what this actor may now do with it, for the editor to show without reloading. */
export type StoryStepState = { id: string; status: StoryStatus; version: number; publishedAt: string | null; slug: string; kind: string; inTrash: boolean; can: StoryCapabilities };

type StepStateRow = Pick<StoryState, "id" | "status" | "version" | "publishedAt" | "slug" | "kind" | "deletedAt" | "createdById"> & { organisations: { organisation: { id: string } }[] };

export function storyStepState(actor: Actor, s: StepStateRow): StoryStepState {
  return {
    id: s.id,
    status: s.status,
    version: s.version,
    publishedAt: s.publishedAt?.toISOString() ?? null,
    slug: s.slug,
    kind: s.kind,
    inTrash: !!s.deletedAt,
    can: storyCapabilities(actor, accessOf(s)),
  };
}

/**
 * Runs one step of STEPS on one story: parse the input, load the story, authorise the actor for
 * it (throws ForbiddenError), check the step's guards, then write, record a revision and audit
 * in one transaction, refusing if the story changed since it was loaded (or since the version
 * the editor sent). Answers with the new state and the actor's capabilities on it.
 */
export async function runStep(client: Client, actor: Actor, name: StepName, input: unknown, now = new Date()): Promise<CommandResult<StoryStepState>> {
  const step: Step = STEPS[name];
  const parsed = (step.input ?? transitionSchema).safeParse(input ?? {});
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return errors.id || errors._form ? failure("Ogiltig begäran.") : invalid(errors);
  }
  const t = parsed.data;
  const story = await loadState(client, t.id);
  if (!story) return failure(NOT_FOUND);
  assertCan(actor, step.permission, { story: accessOf(story) });
  if ((step.trash === "refused") === !!story.deletedAt) return failure(step.trashMessage ?? (story.deletedAt ? IN_TRASH : NOT_IN_TRASH));
  if (!step.from.includes(story.status)) return failure(step.notFrom ?? "Det går inte i artikelns nuvarande läge.");
  const fields = fieldsOf(story);
  if (step.ready) {
    const problems = publishProblems(fields);
    if (Object.keys(problems).length) return invalid(problems, step.ready);
  }
  const refused = step.check?.(story, t, now);
  if (refused) return refused;
  const gate = step.accessibility ? await publishGate(client, fields, t.overrideReason) : { override: null };
  if ("refused" in gate) return gate.refused;

  const write = step.write(story, t, now);
  const written = await client.$transaction(async (tx) => {
    const res = await tx.story.updateMany({ where: { id: story.id, version: t.version ?? story.version }, data: { ...write, version: { increment: 1 } } });
    if (res.count === 0) return false;
    await addRevision(tx, story.id, story.version + 1, fields, step.revision, actor);
    await audit(tx, { actor, action: step.audit.action, entityType: "story", entityId: story.id, summary: step.audit.summary(story.title, write) });
    if (gate.override) await audit(tx, { actor, action: "story.publish-override", entityType: "story", entityId: story.id, summary: overrideSummary(story.title, gate.override) });
    return true;
  });
  if (!written) return failure(STALE);
  const after = { ...story, ...write, version: story.version + 1 };
  const tags = isPublished(story, now) || isPublished(after, now) ? tagsOf(story) : [];
  return success(storyStepState(actor, after), tags, step.done);
}

const command =
  (name: StepName) =>
  (client: Client, actor: Actor, input: unknown, now?: Date): Promise<CommandResult<StoryStepState>> =>
    runStep(client, actor, name, input, now);

export const submitForReview = command("submit");
export const returnToDraft = command("return");
/** Publishes now, or with `at` (a datetime-local value in Stockholm time, or ISO) schedules: `at: ""` asks for the moment. */
export function publishStory(client: Client, actor: Actor, input: unknown, now?: Date): Promise<CommandResult<StoryStepState>> {
  const at = input && typeof input === "object" ? (input as { at?: unknown }).at : undefined;
  return runStep(client, actor, at === undefined ? "publish" : "schedule", input, now);
}
export const unpublishStory = command("unpublish");
export const archiveStory = command("archive");
export const trashStory = command("trash");
export const restoreFromTrash = command("restore");

/** The workflow's commands by the names the editor and the trash list use. */
export const storySteps = { submitForReview, returnToDraft, publishStory, unpublishStory, archiveStory, trashStory, restoreFromTrash };

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

export const storyCommands = { saveStory, restoreRevision, ...storySteps };

// ─── Bulk steps ────────────────────────────────────────────────────────────────────────────

const BULK_STEPS = ["publish", "archive", "trash"] as const satisfies readonly StepName[];
const BULK_DONE: Record<(typeof BULK_STEPS)[number], string> = { publish: "publicerades", archive: "arkiverades", trash: "flyttades till papperskorgen" };
export const BULK_MAX = 100;

const bulkInputSchema = z.object({
  step: z.enum(BULK_STEPS, { error: "Välj vad som ska göras med de valda artiklarna." }),
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
      const result = await runStep(client, actor, step, { id });
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
