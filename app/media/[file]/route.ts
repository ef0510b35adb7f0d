import { mediaStorage, STORAGE_KEY_PATTERN } from "@/lib/media/storage";

const TYPES: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg", avif: "image/avif" };

// Processed images from the media storage (MEDIA_DIR or the S3 bucket). Names are content
// hashes, so a file never changes and can be cached for a year; next/image reads originals
// from here to make its variants.
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!STORAGE_KEY_PATTERN.test(file)) return new Response("Hittades inte", { status: 404 });
  const data = await mediaStorage().get(file);
  if (!data) return new Response("Hittades inte", { status: 404 });
  return new Response(new Uint8Array(data), {
    headers: {
      "Content-Type": TYPES[file.split(".").pop()!]!,
      "Cache-Control": "public, max-age=31536000, immutable",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
