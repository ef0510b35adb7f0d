import { existsSync } from "node:fs";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { deleteMedia, listMedia, listUsableMedia, mediaUsage, updateMedia, uploadMedia, type UploadResult } from "@/lib/db/media-library";
import { declaredTooLarge, readLimited } from "@/lib/media/limit";
import { sniffImageType } from "@/lib/media/sniff";
import { UNSAFE_TEXT } from "@/lib/validation/text-safety";
import { createActor, createPerson, createStory } from "../factories";
import { gpsOf, pngWithGps, sidewaysJpegWithGps, solid } from "../fixtures/media/images";

// Upload validation and the media library's rules, against real Postgres and real sharp.
// Every sharp() call is counted, to prove an oversized file is refused before decoding.
const sharpCalls = vi.hoisted(() => ({ n: 0 }));
vi.mock("sharp", async (importOriginal) => {
  const real = ((await importOriginal()) as { default: typeof import("sharp").default }).default;
  const counted = (...args: Parameters<typeof real>) => {
    sharpCalls.n++;
    return real(...args);
  };
  return { default: Object.assign(counted, real) };
});

const MB = 1024 * 1024;
let mediaDir: string;
let writer: Actor;

beforeAll(async () => {
  mediaDir = await mkdtemp(path.join(os.tmpdir(), "nn-media-library-"));
  // Read by env() on first use, which is inside the first command below.
  process.env.MEDIA_DIR = mediaDir;
  process.env.MEDIA_MAX_MB = "20";
  writer = await createActor(db(), { role: "WRITER" });
});

async function uploaded(result: UploadResult) {
  if (!result.ok) throw new Error(`upload refused: ${result.code} ${result.error}`);
  return result.value.media;
}

const upload = (actor: Actor, bytes: Buffer, fileName = "bild.png", text: Record<string, string> = {}) => uploadMedia(db(), actor, { bytes, fileName, ...text });

describe("upload validation", () => {
  beforeEach(() => {
    sharpCalls.n = 0;
  });

  it("refuses an HTML page renamed photo.jpg, from its bytes", async () => {
    const html = Buffer.from("<!doctype html><html><head><title>x</title></head><body><script>alert(1)</script></body></html>");
    const result = await upload(writer, html, "photo.jpg");
    expect(result).toMatchObject({ ok: false, code: "fel-typ" });
    expect(!result.ok && result.error).toMatch(/inte en bild i formatet JPEG, PNG, WebP eller AVIF/);
    expect(sniffImageType(html)).toBeNull();
    expect(sharpCalls.n).toBe(0);
    expect(await db().media.count()).toBe(0);
  });

  it("refuses a 50 MB file by its size before decoding it", async () => {
    // A real JPEG padded to 50 MB: it would decode, so only the size limit can refuse it.
    const jpeg = await solid(64, 64).jpeg().toBuffer();
    const big = Buffer.concat([jpeg, Buffer.alloc(50 * MB - jpeg.length)]);
    sharpCalls.n = 0;
    const result = await upload(writer, big, "stor.jpg");
    expect(result).toMatchObject({ ok: false, code: "for-stor" });
    expect(!result.ok && result.error).toBe("Filen är för stor. Största tillåtna storlek är 20 MB.");
    expect(sharpCalls.n).toBe(0);
    expect(await db().media.count()).toBe(0);
  });

  it("stops reading a request body once it passes the limit", async () => {
    let pulled = 0;
    let cancelled = false;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(MB));
      },
      cancel() {
        cancelled = true;
      },
    });
    expect(await readLimited(endless, 20 * MB)).toEqual({ ok: false, reason: "too-large" });
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThanOrEqual(22);

    const small = new Blob(["abc", "def"]).stream();
    const read = await readLimited(small, 20 * MB);
    expect(read.ok && read.bytes.toString()).toBe("abcdef");
    expect(declaredTooLarge(new Headers({ "content-length": String(50 * MB) }), 20 * MB)).toBe(true);
    expect(declaredTooLarge(new Headers({ "content-length": "1000" }), 20 * MB)).toBe(false);
  });

  it("refuses a truncated JPEG", async () => {
    const jpeg = await solid(800, 600).jpeg().toBuffer();
    sharpCalls.n = 0;
    const result = await upload(writer, jpeg.subarray(0, jpeg.length / 2), "halv.jpg");
    expect(result).toMatchObject({ ok: false, code: "trasig" });
    expect(sharpCalls.n).toBeGreaterThan(0); // the counter sees the decoder, so the zeros above mean something
  });

  it("stores a PNG with GPS EXIF without any metadata, as WebP with resized variants", async () => {
    const input = await pngWithGps(2400, 1600);
    const before = await sharp(input).metadata();
    expect(before.format).toBe("png");
    expect(gpsOf(before.exif)).toEqual({ latitudeRef: "N", latitude: [57, 42, 0] });

    const media = await uploaded(await upload(writer, input, "hamnen.png", { alt: "Hamnen i morgonljus" }));
    expect(media).toMatchObject({ alt: "Hamnen i morgonljus", caption: null, credit: null, width: 2000, height: 1333 });
    expect(media.src).toMatch(/^\/media\/[a-f0-9]{32}\.webp$/);

    const row = await db().media.findUniqueOrThrow({ where: { id: media.id } });
    expect(row).toMatchObject({ uploadedById: writer.id, originalName: "hamnen.png", mime: "image/webp", width: 2000, height: 1333 });
    const variants = row.variants as { width: number; storageKey: string }[];
    expect(variants.map((v) => v.width)).toEqual([480, 960, 1440]);

    const files = [row.storageKey, ...variants.map((v) => v.storageKey)];
    expect((await readdir(mediaDir)).sort()).toEqual([...files].sort());
    for (const file of files) {
      const data = await readFile(path.join(mediaDir, file));
      const meta = await sharp(data).metadata();
      expect(meta.format).toBe("webp");
      expect(meta.exif).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(data.includes("EXIF")).toBe(false);
      if (file === row.storageKey) expect(data.length).toBe(row.sizeBytes);
      else expect(meta.width).toBe(variants.find((v) => v.storageKey === file)!.width);
    }
    const log = await db().auditLog.findMany({ where: { action: "media.upload", entityId: media.id } });
    expect(log).toHaveLength(1);
  });

  it("turns a sideways JPEG upright and drops its GPS", async () => {
    const input = await sidewaysJpegWithGps();
    expect(gpsOf((await sharp(input).metadata()).exif)).not.toBeNull();
    const media = await uploaded(await upload(writer, input, "sidled.jpg"));
    expect([media.width, media.height]).toEqual([200, 300]);
    const stored = await sharp(path.join(mediaDir, media.src.slice("/media/".length))).metadata();
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    // Narrower than every variant width: no variants.
    expect((await db().media.findUniqueOrThrow({ where: { id: media.id } })).variants).toEqual([]);
  });

  it("accepts WebP and AVIF, sniffed from their bytes", async () => {
    const webp = await solid(500, 400, "#118833").webp().toBuffer();
    const avif = await solid(500, 400, "#881133").avif().toBuffer();
    expect(sniffImageType(webp)).toBe("image/webp");
    expect(sniffImageType(avif)).toBe("image/avif");
    await uploaded(await upload(writer, webp, "gron.bin"));
    const fromAvif = await uploaded(await upload(writer, avif, "rod.avif"));
    expect([fromAvif.width, fromAvif.height]).toEqual([500, 400]);
  });

  it("returns the existing row when the same picture is uploaded again", async () => {
    const other = await createActor(db(), { role: "WRITER" });
    const input = await solid(700, 500, "#445566").png().toBuffer();
    const first = await uploaded(await upload(writer, input, "forsta.png"));
    const again = await upload(other, input, "andra.png", { alt: "Försök att skriva över" });
    expect(again.ok && again.value.reused).toBe(true);
    expect(await uploaded(again)).toEqual(first); // the other writer may not fill in someone else's image
    expect(await db().media.count({ where: { id: first.id } })).toBe(1);
    const own = await uploaded(await upload(writer, input, "igen.png", { alt: "Blå yta" }));
    expect(own).toEqual({ ...first, alt: "Blå yta" });
  });
});

describe("editing, usage and deletion", () => {
  async function newImage(owner: Actor, colour: string, alt = "") {
    return uploaded(await upload(owner, await solid(1200, 800, colour).png().toBuffer(), `${colour}.png`, { alt }));
  }

  it("requires alt text when editing, and logs the edit", async () => {
    const media = await newImage(writer, "#101010");
    expect(await updateMedia(db(), writer, { id: media.id, alt: "Torget\u0000", caption: "", credit: "" })).toMatchObject({ ok: false, fieldErrors: { alt: UNSAFE_TEXT } });
    const missing = await updateMedia(db(), writer, { id: media.id, alt: "   ", caption: "Bildtext", credit: "" });
    expect(missing).toMatchObject({ ok: false, fieldErrors: { alt: expect.stringMatching(/alternativtext/) } });
    const saved = await updateMedia(db(), writer, { id: media.id, alt: "Torget en vinterdag", caption: "Torget i Lerum.", credit: "Foto: Test" });
    expect(saved).toMatchObject({ ok: true, value: { alt: "Torget en vinterdag", caption: "Torget i Lerum.", credit: "Foto: Test" } });
    expect(await db().auditLog.count({ where: { action: "media.edit", entityId: media.id } })).toBe(1);
    expect(await updateMedia(db(), writer, { id: "inte-ett-id", alt: "x" })).toMatchObject({ ok: false });
  });

  it("lets a writer change only their own images, and an editor anyone's", async () => {
    const mine = await newImage(writer, "#202020");
    const otherWriter = await createActor(db(), { role: "WRITER" });
    const editor = await createActor(db(), { role: "EDITOR" });
    await expect(updateMedia(db(), otherWriter, { id: mine.id, alt: "Kapat" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteMedia(db(), otherWriter, { id: mine.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().media.findUniqueOrThrow({ where: { id: mine.id } })).alt).toBe("");

    expect(await updateMedia(db(), writer, { id: mine.id, alt: "Egen bild" })).toMatchObject({ ok: true });
    expect(await updateMedia(db(), editor, { id: mine.id, alt: "Redaktörens text" })).toMatchObject({ ok: true });
    expect(await deleteMedia(db(), editor, { id: mine.id })).toMatchObject({ ok: true });

    const second = await newImage(writer, "#303030");
    expect(await deleteMedia(db(), writer, { id: second.id })).toMatchObject({ ok: true });
    expect(await db().media.count({ where: { id: { in: [mine.id, second.id] } } })).toBe(0);
  });

  it("refuses to delete an image used as hero, in a story body or as a portrait", async () => {
    const hero = await newImage(writer, "#404040", "Hjältebild");
    const inBody = await newImage(writer, "#505050", "Bild i texten");
    const portrait = await newImage(writer, "#606060", "Porträtt");
    const heroStory = await createStory(db(), { heroImageId: hero.id, status: "DRAFT", publishedAt: null });
    const bodyStory = await createStory(db(), {
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Före." }] }, { type: "factBox", attrs: { title: "Fakta" }, content: [{ type: "image", attrs: { src: inBody.src, alt: inBody.alt, width: inBody.width, height: inBody.height, mediaId: inBody.id } }] }] },
    });
    const person = await createPerson(db());
    await db().person.update({ where: { id: person.id }, data: { portraitId: portrait.id } });

    const usage = await mediaUsage(db(), inBody.id);
    expect(usage.stories).toEqual([expect.objectContaining({ id: bodyStory.id, asHero: false, inBody: true })]);
    expect((await mediaUsage(db(), hero.id)).stories).toEqual([expect.objectContaining({ id: heroStory.id, asHero: true, inBody: false })]);

    for (const media of [hero, inBody, portrait]) {
      const result = await deleteMedia(db(), writer, { id: media.id });
      expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Bilden används i .* och kan inte tas bort/) });
      expect(existsSync(path.join(mediaDir, media.src.slice("/media/".length)))).toBe(true);
    }
    expect(await db().media.count({ where: { id: { in: [hero.id, inBody.id, portrait.id] } } })).toBe(3);

    // Once the story drops the image, it can go, files and all.
    await db().story.update({ where: { id: heroStory.id }, data: { heroImageId: null } });
    const row = await db().media.findUniqueOrThrow({ where: { id: hero.id } });
    const files = [row.storageKey, ...(row.variants as { storageKey: string }[]).map((v) => v.storageKey)];
    expect(await deleteMedia(db(), writer, { id: hero.id })).toMatchObject({ ok: true });
    expect(files.filter((f) => existsSync(path.join(mediaDir, f)))).toEqual([]);
    expect(await db().auditLog.count({ where: { action: "media.delete", entityId: hero.id } })).toBe(1);
  });

  it("lists only images with alt text for the editor's picker, searchable", async () => {
    const named = await newImage(writer, "#707070", "Solceller på kommunhusets tak");
    const unnamed = await newImage(writer, "#808080");
    const picker = await listUsableMedia(db(), { page: 1, pageSize: 100 });
    expect(picker.items.map((m) => m.id)).toContain(named.id);
    expect(picker.items.map((m) => m.id)).not.toContain(unnamed.id);
    expect(picker.items.every((m) => m.alt !== "")).toBe(true);
    expect(Object.keys(picker.items[0]!).sort()).toEqual(["alt", "caption", "credit", "height", "id", "src", "width"]);
    expect((await listUsableMedia(db(), { q: "SOLCELLER", page: 1, pageSize: 25 })).items.map((m) => m.id)).toEqual([named.id]);

    const missing = await listMedia(db(), { page: 1, pageSize: 100, missingAlt: true });
    expect(missing.items.map((m) => m.id)).toContain(unnamed.id);
    expect(missing.items.every((m) => m.alt === "")).toBe(true);
    const byName = await listMedia(db(), { q: "#808080", page: 1, pageSize: 25 });
    expect(byName.items.map((m) => m.id)).toEqual([unnamed.id]);
    expect(byName.items[0]!.thumb).toMatchObject({ width: 480, height: 320 });
  });
});
