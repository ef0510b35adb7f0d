import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { z } from "zod";
import { assertCan, can, type Actor, type StoryAccess } from "@/lib/auth/permissions";
import { storyTags, tags } from "@/lib/cache";
import { env } from "@/lib/env";
import { prepareUpload, storeUpload, UploadRejected } from "@/lib/media/ingest";
import { megabytes } from "@/lib/media/limit";
import { mediaStorage, STORAGE_KEY_PATTERN } from "@/lib/media/storage";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { parseFields } from "@/lib/validation/form";
import { mediaEditSchema, mediaTextSchema, uploadErrorMessage, type MediaJson, type MediaLibraryPage, type UploadErrorCode } from "@/lib/validation/media";
import { audit } from "./audit";
import { isPublished, publishedStoryWhere } from "./published";

// The newsroom's media library: uploads (checked and re-encoded by lib/media/ingest), alt
// text and credits, where each image is used, and deletion of images nobody uses. Files live
// in the media storage (MEDIA_DIR or an S3 bucket) under content-hash names; rows in `media`
// point at them.

type Client = PrismaClient | Prisma.TransactionClient;

export type MediaVariant = { width: number; storageKey: string };
export type MediaListItem = MediaJson & {
  originalName: string | null;
  sizeBytes: number;
  createdAt: string;
  uploadedBy: string | null;
  thumb: { src: string; width: number; height: number };
};
export type MediaUsage = {
  stories: { id: string; title: string; status: string; published: boolean; inTrash: boolean; asHero: boolean; inBody: boolean; access: StoryAccess }[];
  people: { id: string; name: string; slug: string }[];
  networks: { id: string; name: string; slug: string }[];
};
export type MediaDetail = MediaListItem & { uploadedById: string | null; variants: MediaVariant[]; usage: MediaUsage };

const variantsSchema = z.array(z.object({ width: z.number(), storageKey: z.string() })).catch([]);

const rowSelect = {
  id: true,
  storageKey: true,
  width: true,
  height: true,
  alt: true,
  caption: true,
  credit: true,
  originalName: true,
  sizeBytes: true,
  createdAt: true,
  variants: true,
  uploadedById: true,
  uploadedBy: { select: { name: true } },
} satisfies Prisma.MediaSelect;
type Row = Prisma.MediaGetPayload<{ select: typeof rowSelect }>;

export function isUuid(value: unknown): value is string {
  return typeof value === "string" && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

const mediaSrc = (storageKey: string) => `/media/${storageKey}`;

function toJson(row: Pick<Row, "id" | "storageKey" | "alt" | "caption" | "credit" | "width" | "height">): MediaJson {
  return { id: row.id, src: mediaSrc(row.storageKey), alt: row.alt, caption: row.caption, credit: row.credit, width: row.width, height: row.height };
}

function toListItem(row: Row): MediaListItem {
  const variants = variantsSchema.parse(row.variants);
  const smallest = [...variants].sort((a, b) => a.width - b.width)[0];
  const thumb = smallest
    ? { src: mediaSrc(smallest.storageKey), width: smallest.width, height: Math.round((row.height * smallest.width) / row.width) }
    : { src: mediaSrc(row.storageKey), width: row.width, height: row.height };
  return { ...toJson(row), originalName: row.originalName, sizeBytes: row.sizeBytes, createdAt: row.createdAt.toISOString(), uploadedBy: row.uploadedBy?.name ?? null, thumb };
}

function searchWhere(q: string | undefined): Prisma.MediaWhereInput {
  const term = q?.trim();
  if (!term) return {};
  const contains = { contains: term, mode: "insensitive" } as const;
  return { OR: [{ alt: contains }, { caption: contains }, { originalName: contains }] };
}

type ListOptions = { q?: string; page: number; pageSize: number };

/** The library page: newest first, optionally only images still lacking alt text. */
export async function listMedia(client: PrismaClient, opts: ListOptions & { missingAlt?: boolean }): Promise<{ items: MediaListItem[]; total: number; pageCount: number }> {
  const where: Prisma.MediaWhereInput = { ...searchWhere(opts.q), ...(opts.missingAlt ? { alt: "" } : {}) };
  const [rows, total] = await Promise.all([
    client.media.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize }),
    client.media.count({ where }),
  ]);
  return { items: rows.map(toListItem), total, pageCount: Math.max(1, Math.ceil(total / opts.pageSize)) };
}

/** The story editor's picker: only images with alt text can be used. */
export async function listUsableMedia(client: PrismaClient, opts: ListOptions): Promise<MediaLibraryPage> {
  const where: Prisma.MediaWhereInput = { AND: [{ alt: { not: "" } }, searchWhere(opts.q)] };
  const [rows, total] = await Promise.all([
    client.media.findMany({ where, select: rowSelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize }),
    client.media.count({ where }),
  ]);
  return { items: rows.map(toJson), page: opts.page, pageCount: Math.max(1, Math.ceil(total / opts.pageSize)), total };
}

/**
 * Everything that shows the image: stories with it as hero or as an image node in the body
 * (by mediaId, or by src for nodes without one), trashed stories included since they can be
 * restored, people's portraits and network images.
 */
export async function mediaUsage(client: Client, id: string): Promise<MediaUsage> {
  if (!isUuid(id)) return { stories: [], people: [], networks: [] };
  const inBody = await client.$queryRaw<{ id: string }[]>`
    SELECT s.id::text AS id FROM story s, media m
    WHERE m.id = ${id}::uuid
      AND jsonb_path_exists(s.body, '$.** ? (@.type == "image" && (@.attrs.mediaId == $id || @.attrs.src == $src))',
                            jsonb_build_object('id', m.id::text, 'src', '/media/' || m.storage_key))`;
  const bodyIds = new Set(inBody.map((r) => r.id));
  const [stories, people, networks] = await Promise.all([
    client.story.findMany({
      where: { OR: [{ heroImageId: id }, { id: { in: [...bodyIds] } }] },
      select: { id: true, title: true, status: true, publishedAt: true, deletedAt: true, heroImageId: true, createdById: true, organisations: { select: { organisationId: true } } },
      orderBy: { updatedAt: "desc" },
    }),
    client.person.findMany({ where: { portraitId: id }, select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } }),
    client.network.findMany({ where: { imageId: id }, select: { id: true, name: true, slug: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    stories: stories.map((s) => ({
      id: s.id,
      title: s.title,
      status: s.status,
      published: isPublished(s),
      inTrash: s.deletedAt !== null,
      asHero: s.heroImageId === id,
      inBody: bodyIds.has(s.id),
      access: { createdById: s.createdById, status: s.status, organisationIds: s.organisations.map((o) => o.organisationId) },
    })),
    people,
    networks,
  };
}

export function isInUse(usage: MediaUsage): boolean {
  return usage.stories.length + usage.people.length + usage.networks.length > 0;
}

export async function getMediaWithUsage(client: PrismaClient, id: string): Promise<MediaDetail | null> {
  if (!isUuid(id)) return null;
  const row = await client.media.findUnique({ where: { id }, select: rowSelect });
  if (!row) return null;
  return { ...toListItem(row), uploadedById: row.uploadedById, variants: variantsSchema.parse(row.variants), usage: await mediaUsage(client, id) };
}

// ---- Commands ----

export type UploadedMedia = { media: MediaJson; reused: boolean };
export type UploadFailure = { ok: false; code: UploadErrorCode; error: string; fieldErrors?: Record<string, string> };
export type UploadResult = Extract<CommandResult<UploadedMedia>, { ok: true }> | UploadFailure;

const uploadSchema = mediaTextSchema.extend({
  bytes: z.instanceof(Buffer, { error: uploadErrorMessage("ingen-fil") }),
  fileName: z.string().trim().max(255).catch(""),
});

function rejected(code: UploadErrorCode, maxMb: number, fieldErrors?: Record<string, string>): UploadFailure {
  const error = uploadErrorMessage(code, maxMb);
  return { ok: false, code, error, fieldErrors: fieldErrors ?? { file: error } };
}

/**
 * Adds an uploaded image. The size is checked before anything is decoded. Storage keys are
 * content hashes of the re-encoded image, so uploading a picture the library already holds
 * yields the same key: instead of a second row for the same file, the existing row is
 * returned (`reused`), with alt text, caption and credit filled in from this upload where
 * they were empty and the uploader may edit that image.
 */
export async function uploadMedia(client: PrismaClient, actor: Actor, input: unknown): Promise<UploadResult> {
  assertCan(actor, "media.upload");
  const { MEDIA_MAX_MB: maxMb } = env();
  const bytes = (input as { bytes?: unknown } | null)?.bytes;
  if (Buffer.isBuffer(bytes) && bytes.length > megabytes(maxMb)) return rejected("for-stor", maxMb);
  const parsed = parseFields(uploadSchema, input);
  if (!parsed.ok) return parsed.fieldErrors.bytes ? rejected("ingen-fil", maxMb) : rejected("ogiltig", maxMb, parsed.fieldErrors);
  const { bytes: file, fileName, ...text } = parsed.data;

  let prepared;
  try {
    prepared = await prepareUpload(file, megabytes(maxMb));
  } catch (err) {
    if (err instanceof UploadRejected) return rejected(err.code, maxMb);
    throw err;
  }
  const key = prepared.main.storageKey;
  const existing = await client.media.findUnique({ where: { storageKey: key }, select: rowSelect });
  if (existing) return reuse(client, actor, existing, text, fileName);

  await storeUpload(mediaStorage(), prepared);
  try {
    const created = await client.$transaction(async (tx) => {
      const row = await tx.media.create({
        select: rowSelect,
        data: {
          storageKey: key,
          mime: prepared.main.mime,
          width: prepared.main.width,
          height: prepared.main.height,
          sizeBytes: prepared.main.data.length,
          ...text,
          uploadedById: actor.id,
          originalName: fileName || null,
          variants: prepared.variants.map((v) => ({ width: v.width, storageKey: v.storageKey })),
        },
      });
      await audit(tx, { actor, action: "media.upload", entityType: "media", entityId: row.id, summary: `Laddade upp bilden ”${fileName || key}”` });
      return row;
    });
    return { ok: true, value: { media: toJson(created), reused: false }, tags: [], message: "Bilden är uppladdad." };
  } catch (err) {
    // Someone uploaded the same picture at the same moment: theirs is the row.
    if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002")) throw err;
    return reuse(client, actor, await client.media.findUniqueOrThrow({ where: { storageKey: key }, select: rowSelect }), text, fileName);
  }
}

async function reuse(client: PrismaClient, actor: Actor, row: Row, text: z.infer<typeof mediaTextSchema>, fileName: string): Promise<UploadResult> {
  const fill = can(actor, "media.edit", { uploadedById: row.uploadedById })
    ? { ...(row.alt === "" && text.alt ? { alt: text.alt } : {}), ...(!row.caption && text.caption ? { caption: text.caption } : {}), ...(!row.credit && text.credit ? { credit: text.credit } : {}) }
    : {};
  const media = await client.$transaction(async (tx) => {
    const updated = Object.keys(fill).length ? await tx.media.update({ where: { id: row.id }, data: fill, select: rowSelect }) : row;
    await audit(tx, { actor, action: "media.upload", entityType: "media", entityId: row.id, summary: `Laddade upp bilden ”${fileName || row.storageKey}”, som redan fanns i biblioteket` });
    return updated;
  });
  return { ok: true, value: { media: toJson(media), reused: true }, tags: [], message: "Bilden fanns redan i biblioteket." };
}

async function loadForCommand(client: PrismaClient, input: unknown) {
  const id = (input as { id?: unknown } | null)?.id;
  if (!isUuid(id)) return null;
  return client.media.findUnique({ where: { id }, select: rowSelect });
}

const NOT_FOUND = "Bilden finns inte längre i biblioteket.";

/** Public pages that read the image row itself (story bodies carry their own copy of the texts). */
async function displayTags(client: PrismaClient, id: string): Promise<string[]> {
  const person = { select: { slug: true } } as const;
  const [stories, people, networks] = await Promise.all([
    client.story.findMany({
      where: { AND: [publishedStoryWhere(), { heroImageId: id }] },
      select: {
        slug: true,
        organisations: { select: { organisation: { select: { slug: true } } } },
        topics: { select: { topic: { select: { slug: true } } } },
        networks: { select: { network: { select: { slug: true } } } },
        people: { select: { person } },
        interviewees: { select: { person } },
        series: { select: { slug: true } },
      },
    }),
    client.person.findMany({ where: { portraitId: id }, select: { slug: true } }),
    client.network.findMany({ where: { imageId: id }, select: { slug: true } }),
  ]);
  return [
    ...stories.flatMap((s) =>
      storyTags({
        slug: s.slug,
        organisations: s.organisations.map((o) => o.organisation),
        topics: s.topics.map((t) => t.topic),
        networks: s.networks.map((n) => n.network),
        people: [...s.people, ...s.interviewees].map((p) => p.person),
        series: s.series,
      }),
    ),
    ...people.map((p) => tags.person(p.slug)),
    ...networks.map((n) => tags.network(n.slug)),
  ];
}

/** Alt text (required), caption and credit. */
export async function updateMedia(client: PrismaClient, actor: Actor, input: unknown): Promise<CommandResult<MediaJson>> {
  const row = await loadForCommand(client, input);
  if (!row) return failure(NOT_FOUND);
  assertCan(actor, "media.edit", { uploadedById: row.uploadedById });
  const parsed = parseFields(mediaEditSchema, input);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const updated = await client.$transaction(async (tx) => {
    const media = await tx.media.update({ where: { id: row.id }, data: parsed.data, select: rowSelect });
    await audit(tx, { actor, action: "media.edit", entityType: "media", entityId: row.id, summary: `Ändrade texterna till bilden ”${row.originalName ?? row.storageKey}”` });
    return media;
  });
  return success(toJson(updated), [...new Set(await displayTags(client, row.id))], "Bilden är sparad.");
}

/** Deletes an image nobody uses; its files go too unless another row still points at them. */
export async function deleteMedia(client: PrismaClient, actor: Actor, input: unknown): Promise<CommandResult<{ id: string }>> {
  const row = await loadForCommand(client, input);
  if (!row) return failure(NOT_FOUND);
  assertCan(actor, "media.delete", { uploadedById: row.uploadedById });
  const refusal = await client.$transaction(async (tx) => {
    // Locks the row: a story taking it as hero image meanwhile waits, then fails its foreign key.
    await tx.$queryRaw`SELECT id FROM media WHERE id = ${row.id}::uuid FOR UPDATE`;
    const usage = await mediaUsage(tx, row.id);
    if (isInUse(usage)) return usage;
    await tx.media.delete({ where: { id: row.id } });
    await audit(tx, { actor, action: "media.delete", entityType: "media", entityId: row.id, summary: `Tog bort bilden ”${row.originalName ?? row.storageKey}”` });
    return null;
  });
  if (refusal) return failure(inUseMessage(refusal));

  const keys = [row.storageKey, ...variantsSchema.parse(row.variants).map((v) => v.storageKey)];
  const stillUsed = await client.$queryRaw<{ key: string }[]>`
    SELECT k AS key FROM unnest(${keys}::text[]) AS k
    WHERE EXISTS (SELECT 1 FROM media m WHERE m.storage_key = k OR m.variants @> jsonb_build_array(jsonb_build_object('storageKey', k)))`;
  const shared = new Set(stillUsed.map((r) => r.key));
  const storage = mediaStorage();
  await Promise.all(keys.filter((k) => !shared.has(k) && STORAGE_KEY_PATTERN.test(k)).map((k) => storage.delete(k)));
  return success({ id: row.id }, [], "Bilden är borttagen.");
}

function inUseMessage(usage: MediaUsage): string {
  const parts = [
    usage.stories.length ? `${usage.stories.length} ${usage.stories.length === 1 ? "artikel" : "artiklar"}` : "",
    usage.people.length ? `${usage.people.length} ${usage.people.length === 1 ? "person" : "personer"}` : "",
    usage.networks.length ? `${usage.networks.length} nätverk` : "",
  ].filter(Boolean);
  return `Bilden används i ${parts.join(", ")} och kan inte tas bort. Byt ut eller ta bort den där först.`;
}

export const mediaLibraryCommands = { uploadMedia, updateMedia, deleteMedia };
