import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { z } from "zod";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { invalid, success, type CommandResult } from "@/lib/newsroom/result";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { parseStoryFields, type StoryFields } from "@/lib/validation/story";
import { accessOf } from "./editorial";
import { toImage } from "./public";
import { personRefSelect, type StoryDetail } from "./stories";

// Unsaved changes of a story past draft, shown by its preview without saving them (a saved
// change of a published story is live at once). One copy per story and user, replaced by the
// next preview, read only by that user's preview, and ignored once it is a day old.

type Client = PrismaClient | Prisma.TransactionClient;

const COPY_MAX_AGE_MS = 24 * 60 * 60 * 1000;

const stageInput = z.object({ id: z.uuid(), fields: z.unknown() });

/** Keeps `fields` for the actor's preview of the story: the same checks as a save, nothing public changes. */
export async function stagePreviewCopy(client: Client, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const parsedInput = stageInput.safeParse(input);
  if (!parsedInput.success) return invalid({}, "Artikeln finns inte.");
  const story = await client.story.findFirst({
    where: { id: parsedInput.data.id, deletedAt: null },
    select: { createdById: true, status: true, organisations: { select: { organisation: { select: { id: true } } } } },
  });
  if (!story) return invalid({}, "Artikeln finns inte.");
  assertCan(actor, "story.edit", { story: accessOf(story) });
  const parsed = parseStoryFields(parsedInput.data.fields);
  if (!parsed.ok) return invalid(parsed.fieldErrors, "Förhandsvisningen kunde inte visas. Rätta fälten som är markerade.");
  const fields = parsed.fields as unknown as Prisma.InputJsonValue;
  await client.storyPreviewCopy.upsert({
    where: { storyId_userId: { storyId: parsedInput.data.id, userId: actor.id } },
    create: { storyId: parsedInput.data.id, userId: actor.id, fields },
    update: { fields, createdAt: new Date() },
  });
  return success(null, [], "Förhandsvisningen visar dina osparade ändringar.");
}

/** The actor's unsaved changes of the story, if a preview was handed some within the last day. */
export async function findPreviewCopy(client: Client, storyId: string, userId: string, now = new Date()): Promise<StoryFields | null> {
  const copy = await client.storyPreviewCopy.findUnique({ where: { storyId_userId: { storyId, userId } }, select: { fields: true, createdAt: true } });
  if (!copy || now.getTime() - copy.createdAt.getTime() > COPY_MAX_AGE_MS) return null;
  const parsed = parseStoryFields(copy.fields);
  return parsed.ok ? parsed.fields : null;
}

/** The story page's data with the unsaved fields in place of the saved ones (names looked up by id). */
export async function withPreviewCopy<T extends StoryDetail>(client: Client, detail: T, fields: StoryFields): Promise<T> {
  const [organisations, topics, interviewees, networks, series, hero] = await Promise.all([
    client.organisation.findMany({ where: { id: { in: fields.organisationIds } }, select: { slug: true, name: true, shortName: true, kind: true } }),
    client.topic.findMany({ where: { id: { in: fields.topicIds } }, select: { slug: true, name: true }, orderBy: { name: "asc" } }),
    client.person.findMany({ where: { id: { in: fields.intervieweeIds } }, select: { id: true, ...personRefSelect } }),
    client.network.findMany({ where: { id: { in: fields.networkIds } }, select: { slug: true, name: true, kind: true } }),
    fields.seriesId ? client.series.findUnique({ where: { id: fields.seriesId }, select: { slug: true, name: true } }) : null,
    fields.heroImageId ? client.media.findUnique({ where: { id: fields.heroImageId }, select: { storageKey: true, width: true, height: true, alt: true, caption: true, credit: true } }) : null,
  ]);
  // In the order the editor lists them, as a save would store them.
  const byId = new Map(interviewees.map((p) => [p.id, p]));
  return {
    ...detail,
    kind: fields.kind,
    title: fields.title,
    lead: fields.lead,
    body: fields.body as RichTextDoc,
    metaDescription: fields.metaDescription ?? null,
    byline: fields.byline ?? null,
    pageOwner: fields.pageOwner ?? null,
    image: toImage(hero),
    organisations,
    topics,
    interviewees: fields.intervieweeIds.flatMap((id) => {
      const p = byId.get(id);
      return p ? [{ slug: p.slug, name: p.name, title: p.title, organisation: p.organisation }] : [];
    }),
    networks,
    series: series ? { ...series, position: fields.seriesPosition ?? null } : null,
  };
}
