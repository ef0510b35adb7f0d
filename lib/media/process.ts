import { createHash } from "node:crypto";
import sharp from "sharp";
import type { MediaStorage } from "./storage";

export const MAX_IMAGE_WIDTH = 2000;

export type ProcessedImage = { data: Buffer; storageKey: string; mime: string; width: number; height: number };

/**
 * Normalises an image for publishing: decoded and re-encoded as WebP, at most 2000 px wide,
 * with all metadata (EXIF, GPS, XMP) dropped, since sharp only keeps metadata on request.
 * The file name is the content hash, so the same picture is stored once and can be cached forever.
 */
export async function processImage(input: Buffer, opts: { density?: number } = {}): Promise<ProcessedImage> {
  return encodeWebp(input, MAX_IMAGE_WIDTH, opts);
}

/** One WebP rendition at most `width` px wide (never enlarged), upright, without metadata. */
export async function encodeWebp(input: Buffer, width: number, opts: { density?: number } = {}): Promise<ProcessedImage> {
  const pipeline = sharp(input, { density: opts.density ?? 144, failOn: "error" })
    .rotate()
    .resize({ width, withoutEnlargement: true })
    .webp({ quality: 82 });
  const { data, info } = await pipeline.toBuffer({ resolveWithObject: true });
  const hash = createHash("sha256").update(data).digest("hex").slice(0, 32);
  return { data, storageKey: `${hash}.webp`, mime: "image/webp", width: info.width, height: info.height };
}

export async function storeImage(storage: MediaStorage, image: ProcessedImage): Promise<void> {
  await storage.put(image.storageKey, image.data, image.mime);
}
