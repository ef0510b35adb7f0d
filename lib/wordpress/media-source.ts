import { readFile, stat } from "node:fs/promises";
import path from "node:path";
import yauzl from "yauzl";

// Where an import finds the files of a WordPress site's uploads: its wp-content/uploads folder
// (or a copy of it), or a zip of it beside the export. Files are asked for by the path after
// /wp-content/uploads/ in their old URL ("2021/05/saluhall.jpg"), whatever the folder or zip
// puts in front of it. Only files are read; a path that would leave the folder is none.

export interface MediaSource {
  /** The file's bytes, or null when the folder or zip does not have it. */
  read(uploadsPath: string): Promise<Buffer | null>;
  close(): Promise<void>;
}

/** "https://x.se/wp-content/uploads/2021/05/a.jpg?ver=2" → "2021/05/a.jpg"; null for no path. */
export function uploadsPathOf(url: string): string | null {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url, "https://wordpress.invalid").pathname);
  } catch {
    return null;
  }
  const rest = pathname.replace(/^(?:.*?\/)?wp-content\/uploads\//, "").replace(/^\/+/, "");
  return rest && !rest.split("/").includes("..") ? rest : null;
}

/** A zip entry's name as an uploads path: a leading wp-content/ and uploads/ go. */
function entryUploadsPath(name: string): string {
  return name.replace(/^(?:.*\/)?wp-content\/uploads\//, "").replace(/^uploads\//, "");
}

function folderSource(root: string): MediaSource {
  const base = path.resolve(root);
  return {
    async read(uploadsPath) {
      const file = path.resolve(base, uploadsPath);
      if (!file.startsWith(base + path.sep)) return null;
      const info = await stat(file).catch(() => null);
      return info?.isFile() ? readFile(file) : null;
    },
    close: async () => {},
  };
}

const openZip = (file: string) =>
  new Promise<yauzl.ZipFile>((resolve, reject) => yauzl.open(file, { lazyEntries: true, autoClose: false }, (err, zip) => (err ? reject(err) : resolve(zip))));

async function zipSource(file: string): Promise<MediaSource> {
  const zip = await openZip(file);
  const entries = new Map<string, yauzl.Entry>();
  await new Promise<void>((resolve, reject) => {
    zip.on("entry", (entry: yauzl.Entry) => {
      if (!entry.fileName.endsWith("/")) entries.set(entryUploadsPath(entry.fileName), entry);
      zip.readEntry();
    });
    zip.once("end", resolve);
    zip.once("error", reject);
    zip.readEntry();
  });
  return {
    async read(uploadsPath) {
      const entry = entries.get(uploadsPath);
      if (!entry) return null;
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => zip.openReadStream(entry, (err, s) => (err ? reject(err) : resolve(s))));
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    },
    close: async () => zip.close(),
  };
}

export class MediaSourceError extends Error {}

/** A folder or a .zip file; a Swedish MediaSourceError when it is neither or cannot be read. */
export async function openMediaSource(location: string): Promise<MediaSource> {
  const info = await stat(location).catch(() => null);
  if (!info) throw new MediaSourceError(`Mappen eller zip-filen med bilderna finns inte: ${location}`);
  if (info.isDirectory()) return folderSource(location);
  try {
    return await zipSource(location);
  } catch {
    throw new MediaSourceError(`Filen med bilderna kunde inte läsas som en zip-fil: ${path.basename(location)}`);
  }
}
