import { createWriteStream } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { finished } from "node:stream/promises";
import yazl from "yazl";
import type { SiteExport } from "@/lib/db/site-export";
import type { MediaStorage } from "@/lib/media/storage";
import { toWxr, uploadsPathOfKey } from "./wxr-writer";

// The export's files (docs/export-format.md):
// - json: <out>/<name>.zip holding export.json and media/<storage key> for every picture;
// - wxr:  <out>/<name>.xml and, beside it, <name>.zip with the pictures under
//         wp-content/uploads/, which is where our own importer looks for them.

export type PackedExport = { files: string[]; missingMedia: string[] };

async function writeZip(file: string, add: (zip: yazl.ZipFile) => Promise<void>): Promise<void> {
  const zip = new yazl.ZipFile();
  const done = finished(zip.outputStream.pipe(createWriteStream(file)));
  await add(zip);
  zip.end();
  await done;
}

export async function packExport(site: SiteExport, format: "json" | "wxr", storage: MediaStorage, outDir: string, name = "export"): Promise<PackedExport> {
  await mkdir(outDir, { recursive: true });
  const missingMedia: string[] = [];
  const addMedia = async (zip: yazl.ZipFile, nameOf: (key: string) => string) => {
    for (const m of site.media) {
      const bytes = await storage.get(m.storageKey);
      if (bytes) zip.addBuffer(bytes, nameOf(m.storageKey), { compress: false });
      else missingMedia.push(m.storageKey);
    }
  };
  const zipFile = path.join(outDir, `${name}.zip`);
  if (format === "json") {
    await writeZip(zipFile, async (zip) => {
      zip.addBuffer(Buffer.from(`${JSON.stringify(site, null, 2)}\n`), "export.json");
      await addMedia(zip, (key) => `media/${key}`);
    });
    return { files: [zipFile], missingMedia };
  }
  const xmlFile = path.join(outDir, `${name}.xml`);
  await writeFile(xmlFile, toWxr(site));
  await writeZip(zipFile, (zip) => addMedia(zip, uploadsPathOfKey));
  return { files: [xmlFile, zipFile], missingMedia };
}

/** The WXR export as one download: a zip holding export.xml and, beside it, export.zip with the pictures. */
export async function packWxrDownload(files: string[], out: string): Promise<string> {
  await writeZip(out, async (zip) => {
    for (const file of files) zip.addFile(file, path.basename(file), { compress: file.endsWith(".xml") });
  });
  return out;
}
