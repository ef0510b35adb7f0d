import "server-only";
import path from "node:path";
import type { Prisma } from "@/generated/prisma/client";
import { prepareUpload, storeUpload, UploadRejected } from "@/lib/media/ingest";
import type { MediaStorage } from "@/lib/media/storage";
import { decodeEntities } from "@/lib/rich-text/html-parse";
import { uploadErrorMessage } from "@/lib/validation/media";
import type { ImageResolver } from "@/lib/wordpress/images";
import { uploadsPathOf, type MediaSource } from "@/lib/wordpress/media-source";
import type { WxrItem } from "@/lib/wordpress/wxr";

// A WordPress export's attachments into the media library, as any upload is taken in
// (lib/media/ingest: checked, re-encoded as WebP without EXIF/GPS, stored by content hash).
// import_source remembers each attachment's GUID, so a re-run neither reads the file again
// nor adds a second row; a picture the library already holds is linked, not copied.

type Tx = Prisma.TransactionClient;

export type MediaImport = { source: MediaSource | null; storage: MediaStorage; maxBytes: number };

export type MediaReport = {
  created: number;
  /** Attachments imported by an earlier run, or pictures the library already had. */
  reused: number;
  /** Files the folder or zip did not have (their uploads paths). */
  missing: string[];
  /** Files that are not images the library takes, with why (Swedish). */
  rejected: { name: string; reason: string }[];
  featured: number;
  inBodies: number;
};

export const emptyMediaReport = (): MediaReport => ({ created: 0, reused: 0, missing: [], rejected: [], featured: 0, inBodies: 0 });

type LibraryImage = { mediaId: string; storageKey: string; width: number; height: number; alt: string; title: string };

/** Where the imported attachments are in the library, for featured images and the bodies' images. */
export type AttachmentIndex = { byId: Map<string, LibraryImage>; byPath: Map<string, LibraryImage> };

const mediaSelect = { id: true, storageKey: true, width: true, height: true, alt: true } as const;

/** "2021/05/torget-1024x683.jpg" and "torget-scaled.jpg" are renditions of "torget.jpg". */
export function originalUploadsPath(uploadsPath: string): string {
  return uploadsPath.replace(/-(?:\d+x\d+|scaled|rotated)(?=\.[a-z0-9]+$)/i, "");
}

const plain = (html: string) => decodeEntities(html.replace(/<[^>]*>/g, " ")).replace(/\s+/g, " ").trim();

async function remembered(tx: Tx, organisationId: string, sourceKey: string) {
  const row = await tx.importSource.findUnique({ where: { organisationId_kind_sourceKey: { organisationId, kind: "media", sourceKey } }, select: { targetId: true } });
  return row ? tx.media.findUnique({ where: { id: row.targetId }, select: mediaSelect }) : null;
}

async function takeIn(tx: Tx, media: MediaImport, dryRun: boolean, item: WxrItem, file: string, report: MediaReport) {
  const bytes = await media.source!.read(file);
  if (!bytes) {
    report.missing.push(file);
    return null;
  }
  let prepared;
  try {
    prepared = await prepareUpload(bytes, media.maxBytes);
  } catch (err) {
    if (!(err instanceof UploadRejected)) throw err;
    report.rejected.push({ name: file, reason: uploadErrorMessage(err.code, Math.round(media.maxBytes / 1024 / 1024)) });
    return null;
  }
  const existing = await tx.media.findUnique({ where: { storageKey: prepared.main.storageKey }, select: mediaSelect });
  if (existing) {
    report.reused++;
    return existing;
  }
  if (!dryRun) await storeUpload(media.storage, prepared);
  report.created++;
  return tx.media.create({
    select: mediaSelect,
    data: {
      storageKey: prepared.main.storageKey,
      mime: prepared.main.mime,
      width: prepared.main.width,
      height: prepared.main.height,
      sizeBytes: prepared.main.data.length,
      alt: (item.meta._wp_attachment_image_alt ?? "").trim().slice(0, 300),
      caption: plain(item.excerpt).slice(0, 500) || null,
      credit: item.meta._naringslivsnytt_credit?.trim().slice(0, 200) || null,
      originalName: (item.meta._naringslivsnytt_original_name?.trim() || path.posix.basename(file)).slice(0, 255),
      variants: prepared.variants.map((v) => ({ width: v.width, storageKey: v.storageKey })),
    },
  });
}

/** Every attachment into the library (or, in a dry run, as far as the rolled-back transaction). */
export async function importAttachments(tx: Tx, organisationId: string, media: MediaImport, dryRun: boolean, attachments: WxrItem[], report: MediaReport): Promise<AttachmentIndex> {
  const index: AttachmentIndex = { byId: new Map(), byPath: new Map() };
  for (const item of attachments) {
    const file = item.attachmentUrl ? uploadsPathOf(item.attachmentUrl) : null;
    const sourceKey = item.guid || `attachment:${item.id}`;
    let row = await remembered(tx, organisationId, sourceKey);
    if (row) report.reused++;
    else if (file && media.source) {
      row = await takeIn(tx, media, dryRun, item, file, report);
      if (row)
        await tx.importSource.upsert({
          where: { organisationId_kind_sourceKey: { organisationId, kind: "media", sourceKey } },
          create: { organisationId, kind: "media", sourceKey, targetId: row.id },
          update: { targetId: row.id, importedAt: new Date() },
        });
    } else if (file) report.missing.push(file);
    if (!row) continue;
    const image = { mediaId: row.id, storageKey: row.storageKey, width: row.width, height: row.height, alt: row.alt, title: item.title.trim() };
    if (item.id) index.byId.set(item.id, image);
    if (file) index.byPath.set(originalUploadsPath(file), image);
  }
  return index;
}

/** The post's featured image (_thumbnail_id) in the library, if it was imported. */
export function featuredImage(index: AttachmentIndex, item: WxrItem): string | null {
  const id = item.meta._thumbnail_id?.trim();
  return (id && index.byId.get(id)?.mediaId) || null;
}

/**
 * Places a body's image from the library: by WordPress's wp-image-ID class, else by its file
 * (any rendition of it). The alt text is the image's own, else the library's, else the
 * attachment's title; an image with none of them is dropped and counted.
 */
export function libraryResolver(index: AttachmentIndex): ImageResolver {
  return ({ src, attachmentId, alt }) => {
    const file = uploadsPathOf(src);
    const image = (attachmentId && index.byId.get(attachmentId)) || (file && index.byPath.get(originalUploadsPath(file))) || null;
    const text = alt || image?.alt || image?.title || "";
    if (!image || !text) return null;
    return { src: `/media/${image.storageKey}`, width: image.width, height: image.height, alt: text.slice(0, 300), mediaId: image.mediaId };
  };
}
