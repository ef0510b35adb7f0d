// Reading a request body with a ceiling: the upload route stops reading (and cancels the
// stream) as soon as more than `maxBytes` have arrived, so a 5 GB post costs at most the
// limit in memory, not 5 GB.

export type LimitedRead = { ok: true; bytes: Buffer } | { ok: false; reason: "too-large" };

export async function readLimited(stream: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<LimitedRead> {
  if (!stream) return { ok: true, bytes: Buffer.alloc(0) };
  const reader = stream.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel("too large").catch(() => undefined);
      return { ok: false, reason: "too-large" };
    }
    chunks.push(value);
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** A declared Content-Length already over the ceiling is refused before reading anything. */
export function declaredTooLarge(headers: Headers, maxBytes: number): boolean {
  const length = Number(headers.get("content-length"));
  return Number.isFinite(length) && length > maxBytes;
}

export function megabytes(mb: number): number {
  return Math.floor(mb * 1024 * 1024);
}
