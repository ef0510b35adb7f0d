import "server-only";
import { createWriteStream } from "node:fs";
import path from "node:path";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import Busboy from "busboy";

// A multipart form read as a stream: text fields into memory (small, capped), each file straight
// to its own file in `dir`, so an upload of hundreds of megabytes never sits in memory. A file
// over `maxFileBytes` is cut there and reported; the rest of the body is read and thrown away,
// so the browser, still sending, gets the answer (a server that stops reading leaves it
// hanging), up to `maxBodyBytes` in all, past which the connection is dropped.

export type SavedFile = { field: string; name: string; path: string; bytes: number; head: Buffer };
export type DiskForm = { ok: true; fields: Record<string, string>; files: Record<string, SavedFile> } | { ok: false; reason: "too-large" | "unreadable"; field?: string; fields: Record<string, string> };

/** How much of each file's beginning is kept in memory, to recognise what it is. */
export const HEAD_BYTES = 4096;

export async function readMultipartToDisk(request: Request, dir: string, opts: { maxFileBytes: number; maxBodyBytes?: number; files: readonly string[] }): Promise<DiskForm> {
  const fields: Record<string, string> = {};
  const files: Record<string, SavedFile> = {};
  let busboy: Busboy.Busboy;
  try {
    busboy = Busboy({ headers: Object.fromEntries(request.headers), defParamCharset: "utf8", limits: { fileSize: opts.maxFileBytes, files: opts.files.length, fields: 20, fieldSize: 10_000 } });
  } catch {
    return { ok: false, reason: "unreadable", fields };
  }
  if (!request.body) return { ok: false, reason: "unreadable", fields };
  const writes: Promise<void>[] = [];
  const open = new Set<NodeJS.ReadableStream & { destroy: () => void }>();
  let tooLarge: string | null = null;
  let finish = () => {};
  let dropped = false;

  const done = new Promise<void>((resolve, reject) => {
    finish = resolve;
    busboy.on("field", (name, value) => {
      fields[name] = value;
    });
    busboy.on("file", (field, stream, info) => {
      if (!opts.files.includes(field) || files[field] || !info.filename) {
        stream.resume();
        return;
      }
      const target = path.join(dir, `${field}${path.extname(info.filename).toLowerCase().replace(/[^.a-z0-9]/g, "")}`);
      const saved: SavedFile = { field, name: path.basename(info.filename), path: target, bytes: 0, head: Buffer.alloc(0) };
      files[field] = saved;
      stream.on("limit", () => {
        tooLarge = field;
      });
      const count = new Transform({
        transform(chunk: Buffer, _enc, next) {
          saved.bytes += chunk.length;
          if (saved.head.length < HEAD_BYTES) saved.head = Buffer.concat([saved.head, chunk.subarray(0, HEAD_BYTES - saved.head.length)]);
          next(null, chunk);
        },
      });
      open.add(stream);
      const write = pipeline(stream, count, createWriteStream(target)).finally(() => open.delete(stream));
      write.catch(() => undefined); // awaited below; this only keeps an early failure from going unhandled
      writes.push(write);
    });
    busboy.on("close", () => resolve());
    busboy.on("error", reject);
  });
  const source = Readable.fromWeb(request.body as unknown as WebReadableStream<Uint8Array>);
  const maxBody = opts.maxBodyBytes ?? opts.files.length * opts.maxFileBytes + 1024 * 1024;
  let read = 0;
  source.on("data", (chunk: Buffer) => {
    read += chunk.length;
    if (read <= maxBody) return;
    tooLarge ??= Object.values(files).at(-1)?.field ?? "body";
    dropped = true;
    source.unpipe(busboy);
    source.destroy();
    for (const file of open) file.destroy();
    finish();
  });
  source.on("error", () => undefined);
  source.pipe(busboy);
  try {
    await done;
    if (tooLarge) {
      // A dropped body's file streams never end; the caller removes the folder.
      if (!dropped) await Promise.allSettled(writes);
      return { ok: false, reason: "too-large", field: tooLarge, fields };
    }
    await Promise.all(writes);
  } catch {
    return { ok: false, reason: "unreadable", fields };
  }
  return { ok: true, fields, files };
}
