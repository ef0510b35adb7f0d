import { readFile } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { STORAGE_KEY_PATTERN } from "@/lib/media/process";

const TYPES: Record<string, string> = { webp: "image/webp", png: "image/png", jpg: "image/jpeg", avif: "image/avif" };

// Processed images from MEDIA_DIR. Names are content hashes, so a file never changes and can
// be cached for a year; next/image reads originals from here to make its variants.
export async function GET(_req: Request, { params }: { params: Promise<{ file: string }> }) {
  const { file } = await params;
  if (!STORAGE_KEY_PATTERN.test(file)) return new Response("Hittades inte", { status: 404 });
  try {
    const data = await readFile(path.join(path.resolve(env().MEDIA_DIR), file));
    return new Response(new Uint8Array(data), {
      headers: {
        "Content-Type": TYPES[file.split(".").pop()!]!,
        "Cache-Control": "public, max-age=31536000, immutable",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return new Response("Hittades inte", { status: 404 });
  }
}
