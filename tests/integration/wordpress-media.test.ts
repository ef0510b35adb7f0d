import { createWriteStream, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import yazl from "yazl";
import { db } from "@/lib/db/client";
import { runWordpressImport } from "@/lib/db/wordpress-import";
import type { MediaImport } from "@/lib/db/wordpress-media";
import { localMediaStorage } from "@/lib/media/storage";
import { openMediaSource } from "@/lib/wordpress/media-source";
import { createOrganisation } from "../factories";

// Attachments of a WordPress export into the media library, from the uploads folder or a zip
// of it, against real PostgreSQL and sharp. The test pictures are made here.

const NOW = new Date("2026-12-01T10:00:00Z");
// The fixture, with two more attachments: a PDF (not an image) and a picture the folder lacks.
const XML = readFileSync("tests/fixtures/wordpress/lerum.xml", "utf8").replace(
  "</channel>",
  `
	<item><title><![CDATA[Broschyr]]></title><guid isPermaLink="false">https://foretag.lerum.example/wp-content/uploads/2022/01/broschyr.pdf</guid>
		<wp:post_id>31</wp:post_id><wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://foretag.lerum.example/wp-content/uploads/2022/01/broschyr.pdf]]></wp:attachment_url></item>
	<item><title><![CDATA[Saknas]]></title><guid isPermaLink="false">https://foretag.lerum.example/wp-content/uploads/2022/02/saknas.jpg</guid>
		<wp:post_id>32</wp:post_id><wp:status><![CDATA[inherit]]></wp:status><wp:post_type><![CDATA[attachment]]></wp:post_type>
		<wp:attachment_url><![CDATA[https://foretag.lerum.example/wp-content/uploads/2022/02/saknas.jpg]]></wp:attachment_url></item>
</channel>`,
);
const wxr = () => Readable.from([XML]);

let work: string;
let uploads: string;
let storageDir: string;
let lerum: { id: string };
const media = async (location: string): Promise<MediaImport> => ({ source: await openMediaSource(location), storage: localMediaStorage(storageDir), maxBytes: 20 * 1024 * 1024 });

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "wp-media-"));
  uploads = path.join(work, "uploads");
  storageDir = path.join(work, "storage");
  await mkdir(path.join(uploads, "2021/05"), { recursive: true });
  await mkdir(path.join(uploads, "2022/01"), { recursive: true });
  // A camera picture with EXIF the import must not publish (who took it, and where).
  const photo = await sharp({ create: { width: 1600, height: 1000, channels: 3, background: { r: 180, g: 120, b: 60 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: "Anna Lindqvist", Copyright: "Hemlig fotograf" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "57/1 46/1 0/1" } })
    .toBuffer();
  expect((await sharp(photo).metadata()).exif).toBeDefined();
  await writeFile(path.join(uploads, "2021/05/saluhall.jpg"), photo);
  await writeFile(path.join(uploads, "2022/01/broschyr.pdf"), "%PDF-1.4\n% en broschyr\n");
  lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
});

const stored = async () => (await readdir(storageDir).catch(() => [])).sort();

describe("WordPress media import", () => {
  it("a dry run reads and checks the pictures but stores nothing", async () => {
    const { report } = await runWordpressImport(db(), null, wxr(), { organisationId: lerum.id, dryRun: true, now: NOW, media: await media(uploads) });
    expect(report.media).toMatchObject({ created: 1, reused: 0, featured: 1, inBodies: 1, missing: ["2022/02/saknas.jpg"] });
    expect(await db().media.count()).toBe(0);
    expect(await stored()).toEqual([]);
  });

  it("puts the pictures in the library without EXIF, as featured image and in the body", async () => {
    const { report } = await runWordpressImport(db(), null, wxr(), { organisationId: lerum.id, dryRun: false, now: NOW, media: await media(uploads) });
    expect(report.media).toMatchObject({ created: 1, reused: 0, featured: 1, inBodies: 1, missing: ["2022/02/saknas.jpg"] });
    expect(report.media.rejected).toEqual([{ name: "2022/01/broschyr.pdf", reason: expect.stringMatching(/JPEG|bild/) }]);
    expect(report.dropped.images).toBe(0); // the body's one image is in the library now
    expect(report.lines).toContain("Bilder: 1 nya i mediebiblioteket, 0 fanns redan; 1 som huvudbild, 1 i texterna.");
    expect(report.lines).toContain("1 fil saknades bland bilderna: 2022/02/saknas.jpg.");

    const item = await db().media.findFirstOrThrow();
    expect(item).toMatchObject({ alt: "Saluhallens fasad", caption: "Saluhallen vid stationen. Foto: Anna Lindqvist", originalName: "saluhall.jpg", mime: "image/webp", width: 1600, height: 1000, uploadedById: null });
    const file = readFileSync(path.join(storageDir, item.storageKey));
    const meta = await sharp(file).metadata();
    expect(meta.format).toBe("webp");
    expect(meta.exif).toBeUndefined();
    expect(file.includes(Buffer.from("Hemlig fotograf"))).toBe(false);
    expect(await stored()).toEqual(expect.arrayContaining([item.storageKey]));

    const story = await db().story.findUniqueOrThrow({ where: { slug: "ny-saluhall-oppnar" }, select: { heroImageId: true, body: true } });
    expect(story.heroImageId).toBe(item.id);
    const blocks = (story.body as { content: { type: string; attrs?: Record<string, unknown> }[] }).content;
    expect(blocks.find((b) => b.type === "image")?.attrs).toEqual({ src: `/media/${item.storageKey}`, alt: "Saluhallens fasad", width: 1600, height: 1000, mediaId: item.id });
  });

  it("a re-run, from a zip of the uploads this time, adds no second copy", async () => {
    const zipFile = path.join(work, "lerum-uploads.zip");
    const zip = new yazl.ZipFile();
    zip.addFile(path.join(uploads, "2021/05/saluhall.jpg"), "wp-content/uploads/2021/05/saluhall.jpg");
    zip.addFile(path.join(uploads, "2022/01/broschyr.pdf"), "wp-content/uploads/2022/01/broschyr.pdf");
    zip.end();
    await finished(zip.outputStream.pipe(createWriteStream(zipFile)));
    const files = await stored();

    const again = await runWordpressImport(db(), null, wxr(), { organisationId: lerum.id, dryRun: false, now: NOW, media: await media(zipFile) });
    expect(again.report.media).toMatchObject({ created: 0, reused: 1, featured: 1, inBodies: 1 });
    expect(await db().media.count()).toBe(1);
    expect(await db().importSource.count({ where: { kind: "media" } })).toBe(1);
    expect(await stored()).toEqual(files);

    // Another organisation's import of the same picture, read from the zip, finds it in the library.
    const alingsas = await createOrganisation(db(), { slug: "alingsas", name: "Alingsås kommun" });
    const other = await runWordpressImport(db(), null, Readable.from([XML.replaceAll("ny-saluhall-oppnar", "saluhall-alingsas")]), { organisationId: alingsas.id, dryRun: false, now: NOW, media: await media(zipFile) });
    expect(other.report.media).toMatchObject({ created: 0, reused: 1 });
    expect(await db().media.count()).toBe(1);
  });

  it("says so when the folder or the zip cannot be read", async () => {
    await expect(openMediaSource(path.join(work, "finns-inte"))).rejects.toThrow("Mappen eller zip-filen med bilderna finns inte");
    await writeFile(path.join(work, "trasig.zip"), "inte en zip");
    await expect(openMediaSource(path.join(work, "trasig.zip"))).rejects.toThrow("kunde inte läsas som en zip-fil: trasig.zip");
  });
});
