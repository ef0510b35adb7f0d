import { z } from "zod";
import { richTextDocSchema, type RichTextDoc } from "@/lib/rich-text/schema";
import { SLUG_MAX_LENGTH, slugify } from "@/lib/slug";
import { stockholmLocalToDate } from "@/lib/stockholm-time";
import { unsafeTextFields } from "./text-safety";

// The story editor's data, validated by the same schema in the browser (before saving) and
// on the server (always). Messages are Swedish and keyed by field name.

export const META_DESCRIPTION_MAX = 160;
/** Shown instead of zod's own words when the body document breaks the schema. */
const BODY_INCOMPLETE = "Brödtexten har ett block som inte är komplett, till exempel en tom fråga, ett tomt svar eller en tom listpunkt.";
export const CHANGE_NOTE_MAX = 300;

// Any id PostgreSQL stores as uuid (the generated benchmark data does not set RFC version bits).
const uuid = z.guid({ error: "Ogiltigt val." });
const ids = z.array(uuid).max(100, { error: "För många val." });
// Optional text: "" and null (as stored in a revision) both mean none.
const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken.` })
    .nullable()
    .transform((v) => (v ? v : null));

export const storyFieldsSchema = z.object({
  kind: z.enum(["NEWS", "INTERVIEW"], { error: "Välj nyhet eller intervju." }),
  // A draft may be incomplete (it always saves); publishing asks for the rest (publishProblems).
  title: z.string().trim().max(200, { error: "Rubriken får vara högst 200 tecken." }),
  // Normalised with the same function as titles ("Åre Företag!" → "are-foretag"); empty, or
  // nothing usable typed (an emoji), means "make one from the title".
  slug: z
    .string()
    .max(SLUG_MAX_LENGTH * 4, { error: `Adressen får vara högst ${SLUG_MAX_LENGTH} tecken.` })
    .transform((v) => slugify(v)),
  lead: z.string().trim().max(600, { error: "Ingressen får vara högst 600 tecken." }),
  body: richTextDocSchema,
  heroImageId: uuid.nullable(),
  organisationIds: ids,
  topicIds: ids,
  intervieweeIds: ids,
  networkIds: ids,
  seriesId: uuid.nullable(),
  seriesPosition: z.number({ error: "Skriv ett heltal." }).int({ error: "Skriv ett heltal." }).min(1, { error: "Delnumret börjar på 1." }).max(999).nullable(),
  metaDescription: optionalText(META_DESCRIPTION_MAX, "Metabeskrivningen"),
  pageOwner: optionalText(200, "Sidansvarig"),
  byline: optionalText(200, "Bylinen"),
});

export type StoryFieldsInput = z.input<typeof storyFieldsSchema>;

/**
 * Validates the editor's fields, in the browser and on the server alike. Errors come back one
 * per field, keyed by its name; a broken body document gets one Swedish sentence (messages the
 * schema itself words, such as a missing alt text, are kept).
 */
export function parseStoryFields(input: unknown): { ok: true; fields: StoryFields } | { ok: false; fieldErrors: Record<string, string> } {
  // Characters PostgreSQL cannot store get a field message of their own, before the schema.
  const unsafe = unsafeTextFields(input);
  if (Object.keys(unsafe).length) return { ok: false, fieldErrors: unsafe };
  const parsed = storyFieldsSchema.safeParse(input, { error: (issue) => (issue.path?.[0] === "body" ? BODY_INCOMPLETE : undefined) });
  if (parsed.success) return { ok: true, fields: parsed.data };
  const fieldErrors: Record<string, string> = {};
  for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0] ?? "_form")] ??= issue.message;
  return { ok: false, fieldErrors };
}
export type StoryFields = z.output<typeof storyFieldsSchema>;

/** A real update to a published story needs a note for readers; a minor one does not. */
export const updateKindSchema = z.discriminatedUnion("updateKind", [
  z.object({ updateKind: z.literal("minor") }),
  z.object({
    updateKind: z.literal("major"),
    changeNote: z
      .string()
      .trim()
      .min(5, { error: "Beskriv ändringen för läsarna med minst några ord." })
      .max(CHANGE_NOTE_MAX, { error: `Ändringsnoteringen får vara högst ${CHANGE_NOTE_MAX} tecken.` }),
  }),
]);

export const saveStoryInputSchema = z.object({
  id: uuid.nullable(),
  version: z.number().int().min(0),
  autosave: z.boolean().default(false),
  // Save over a newer version after seeing the conflict view.
  force: z.boolean().default(false),
  fields: z.unknown(),
  update: z.unknown().optional(),
});
export type SaveStoryInput = z.input<typeof saveStoryInputSchema>;

/** What publishing needs beyond a valid draft. */
/** What a story needs before it goes to review or onto the site; a draft needs none of it. */
export function publishProblems(f: { kind: string; title: string; lead: string; organisationIds: readonly string[]; intervieweeIds: readonly string[]; body: RichTextDoc }): Record<string, string> {
  const problems: Record<string, string> = {};
  if (!f.title.trim()) problems.title = "Skriv en rubrik.";
  if (!f.lead.trim()) problems.lead = "Skriv en ingress.";
  if (!f.organisationIds.length) problems.organisationIds = "Välj minst en organisation som artikeln handlar om.";
  if (f.kind === "INTERVIEW" && !f.intervieweeIds.length) problems.intervieweeIds = "En intervju behöver minst en intervjuad person.";
  if (!f.body.content.length) problems.body = "Brödtexten är tom.";
  return problems;
}

export const PICK_MOMENT = "Välj datum och tid.";
export const MOMENT_FORMAT = "Ange datum och tid som ÅÅÅÅ-MM-DD TT:MM.";
const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A moment from the newsroom: a datetime-local value (Stockholm time) or an ISO time with its zone. */
const momentSchema = z
  .string({ error: PICK_MOMENT })
  .trim()
  .min(1, { error: PICK_MOMENT })
  .transform((value, ctx) => {
    const date = stockholmLocalToDate(value) ?? (ISO_WITH_ZONE.test(value) ? new Date(value) : null);
    if (date && !Number.isNaN(date.getTime())) return date;
    ctx.addIssue({ code: "custom", message: MOMENT_FORMAT });
    return z.NEVER;
  });

/**
 * A workflow step's input (lib/db/editorial.ts): the story, the version the editor saw if it
 * sent one, and for scheduling the moment. A bad id is a bad request, not a field to correct.
 */
export const transitionSchema = z.object({
  id: uuid,
  version: z.number().int().nonnegative().optional(),
  at: momentSchema.optional(),
  // Publishing despite the accessibility check's errors (lib/db/publish-gate.ts checks the length).
  overrideReason: z.string().max(2000).optional(),
});

/** Scheduling needs its moment: missing or empty, the field says "Välj datum och tid.". */
export const scheduleInputSchema = transitionSchema.extend({ at: momentSchema });

export type TransitionInput = z.infer<typeof transitionSchema>;

/** A new story's fields before anything is typed. */
export function emptyStoryFields(organisationIds: string[] = []): StoryFields {
  return {
    kind: "NEWS",
    title: "",
    slug: "",
    lead: "",
    body: { type: "doc", content: [{ type: "paragraph" }] },
    heroImageId: null,
    organisationIds,
    topicIds: [],
    intervieweeIds: [],
    networkIds: [],
    seriesId: null,
    seriesPosition: null,
    metaDescription: null,
    pageOwner: null,
    byline: null,
  };
}
