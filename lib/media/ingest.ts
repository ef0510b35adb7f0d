import sharp from "sharp";
import type { UploadErrorCode } from "@/lib/validation/media";
import { encodeWebp, MAX_IMAGE_WIDTH, storeImage, type ProcessedImage } from "./process";
import { SHARP_FORMAT, sniffImageType } from "./sniff";
import type { MediaStorage } from "./storage";

// An uploaded file on its way into the media library, checked cheapest first: the size
// (before anything is decoded), the type from the magic bytes, the header as the decoder
// reads it, then a full decode that fails on a truncated or corrupt file. What is stored is
// never the upload itself but WebP re-encodings without EXIF, GPS or XMP, turned upright.

/** Smaller renditions made next to the main image, where the main image is wider. */
export const VARIANT_WIDTHS = [480, 960, 1440] as const;

/** About 100 megapixels: larger is a camera's raw dump or a decompression bomb. */
export const MAX_INPUT_PIXELS = 100_000_000;

export class UploadRejected extends Error {
  constructor(readonly code: UploadErrorCode) {
    super(`Upload rejected: ${code}`);
  }
}

export type PreparedUpload = { main: ProcessedImage; variants: ProcessedImage[] };

export async function prepareUpload(bytes: Buffer, maxBytes: number): Promise<PreparedUpload> {
  if (bytes.length === 0) throw new UploadRejected("ingen-fil");
  if (bytes.length > maxBytes) throw new UploadRejected("for-stor");
  const type = sniffImageType(bytes);
  if (!type) throw new UploadRejected("fel-typ");

  const meta = await sharp(bytes, { failOn: "error" })
    .metadata()
    .catch(() => null);
  if (!meta || meta.format !== SHARP_FORMAT[type] || !meta.width || !meta.height) throw new UploadRejected("trasig");
  if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new UploadRejected("for-manga-pixlar");

  try {
    const main = await encodeWebp(bytes, MAX_IMAGE_WIDTH);
    const variants: ProcessedImage[] = [];
    for (const width of VARIANT_WIDTHS.filter((w) => w < main.width)) variants.push(await encodeWebp(bytes, width));
    return { main, variants };
  } catch {
    throw new UploadRejected("trasig");
  }
}

export async function storeUpload(storage: MediaStorage, upload: PreparedUpload): Promise<void> {
  await Promise.all([upload.main, ...upload.variants].map((image) => storeImage(storage, image)));
}
