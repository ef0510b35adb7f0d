import { z } from "zod";

// The media library's shared vocabulary: the fields staff write about an image (same schema
// in the form and the command), the upload refusals with their Swedish messages (the route
// handler answers with them and the list page shows them after a no-JS post), and the JSON
// the story editor receives from the upload and picker endpoints.

export const ALT_MAX = 300;
export const CAPTION_MAX = 500;
export const CREDIT_MAX = 200;

const optionalText = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, { error: `${label} får vara högst ${max} tecken.` })
    .transform((v) => (v === "" ? null : v))
    .nullish()
    .transform((v) => v ?? null);

/** Alt text, caption and credit as typed at upload, where all three may still be empty. */
export const mediaTextSchema = z.object({
  alt: z.string().trim().max(ALT_MAX, { error: `Alternativtexten får vara högst ${ALT_MAX} tecken.` }).nullish().transform((v) => v ?? ""),
  caption: optionalText(CAPTION_MAX, "Bildtexten"),
  credit: optionalText(CREDIT_MAX, "Fotografen/källan"),
});

/** Editing an image: alt text is required, since an image without one cannot be used. */
export const mediaEditSchema = mediaTextSchema.extend({
  alt: z
    .string({ error: "Skriv en alternativtext som beskriver bilden." })
    .trim()
    .min(1, { error: "Skriv en alternativtext som beskriver bilden. Utan den kan bilden inte användas." })
    .max(ALT_MAX, { error: `Alternativtexten får vara högst ${ALT_MAX} tecken.` }),
});

export type MediaText = z.infer<typeof mediaTextSchema>;
export type MediaEdit = z.infer<typeof mediaEditSchema>;

export const UPLOAD_ERRORS = {
  "ingen-fil": "Välj en bildfil att ladda upp.",
  "for-stor": "Filen är för stor.",
  "fel-typ": "Filen är inte en bild i formatet JPEG, PNG, WebP eller AVIF. Filens innehåll avgör, inte dess namn.",
  trasig: "Bilden gick inte att läsa. Filen kan vara trasig eller ofullständigt sparad.",
  "for-manga-pixlar": "Bilden har för många pixlar. Förminska den och försök igen.",
  ogiltig: "Uppgifterna om bilden har fel. Rätta dem och försök igen.",
  "fel-format": "Uppladdningen kom inte fram som ett formulär med en fil.",
} as const;

export type UploadErrorCode = keyof typeof UPLOAD_ERRORS;

export function isUploadErrorCode(code: unknown): code is UploadErrorCode {
  return typeof code === "string" && Object.hasOwn(UPLOAD_ERRORS, code);
}

/** The size refusal names the limit, so the message says what to do. */
export function uploadErrorMessage(code: UploadErrorCode, maxMb?: number): string {
  if (code === "for-stor" && maxMb) return `Filen är för stor. Största tillåtna storlek är ${maxMb} MB.`;
  return UPLOAD_ERRORS[code];
}

/**
 * One image as the story editor gets it from POST /admin/media/ladda-upp and
 * GET /admin/media/bibliotek. `src` is "/media/<storage key>" (the main WebP, at most 2000 px wide).
 */
export type MediaJson = {
  id: string;
  src: string;
  alt: string;
  caption: string | null;
  credit: string | null;
  width: number;
  height: number;
};

/** GET /admin/media/bibliotek: usable images (alt text filled in), newest first. */
export type MediaLibraryPage = { items: MediaJson[]; page: number; pageCount: number; total: number };

/** Accepted by the file input; the server still decides from the bytes. */
export const ACCEPTED_IMAGE_TYPES = "image/jpeg,image/png,image/webp,image/avif";
