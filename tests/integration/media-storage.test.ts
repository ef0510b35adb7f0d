import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { CreateBucketCommand, HeadObjectCommand, ListObjectsV2Command, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET } from "@/app/media/[file]/route";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { deleteMedia, uploadMedia } from "@/lib/db/media-library";
import { env, parseEnv } from "@/lib/env";
import { mediaStorage } from "@/lib/media/storage";
import { createActor } from "../factories";
import { solid } from "../fixtures/media/images";

// Media in S3-compatible object storage: a real s3rver on a loopback port, the real upload
// and delete commands, and the /media route reading back what another instance would see.

const BUCKET = "naringslivsnytt-media";
const S3_ENV = ["S3_BUCKET", "S3_ENDPOINT", "S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY", "S3_FORCE_PATH_STYLE", "MEDIA_DIR"] as const;

let tmp: string;
let s3rver: S3rver;
let bucket: S3Client;
let writer: Actor;
const saved = Object.fromEntries(S3_ENV.map((name) => [name, process.env[name]]));

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "nn-media-storage-"));
  s3rver = new S3rver({ address: "127.0.0.1", port: 0, directory: path.join(tmp, "s3rver"), silent: true });
  const { port } = await s3rver.run();
  const endpoint = `http://127.0.0.1:${port}`;
  // s3rver's built-in account.
  const credentials = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };
  bucket = new S3Client({ endpoint, region: "eu-north-1", forcePathStyle: true, credentials });
  await bucket.send(new CreateBucketCommand({ Bucket: BUCKET }));

  Object.assign(process.env, {
    S3_BUCKET: BUCKET,
    S3_ENDPOINT: endpoint,
    S3_ACCESS_KEY_ID: credentials.accessKeyId,
    S3_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    S3_FORCE_PATH_STYLE: "true",
    MEDIA_DIR: path.join(tmp, "media"),
  });
  // env() keeps the first parse for the life of the module; this file's modules are its own
  // (Vitest isolates test files), so this fails only if something read env() before now.
  expect(env()).toMatchObject({ S3_BUCKET: BUCKET, S3_ENDPOINT: endpoint });
  writer = await createActor(db(), { role: "WRITER" });
});

afterAll(async () => {
  for (const name of S3_ENV) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  bucket?.destroy();
  await s3rver?.close();
  await rm(tmp, { recursive: true, force: true });
});

async function bucketKeys(): Promise<string[]> {
  const listed = await bucket.send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (listed.Contents ?? []).map((o) => o.Key!).sort();
}

const serve = (file: string) => GET(new Request(`http://localhost/media/${file}`), { params: Promise.resolve({ file }) });

describe("media in S3-compatible storage", () => {
  it("stores an upload and its variants in the bucket, serves them from there and deletes them with the image", async () => {
    const result = await uploadMedia(db(), writer, { bytes: await solid(1600, 1000).png().toBuffer(), fileName: "hamnen.png", alt: "Hamnen" });
    if (!result.ok) throw new Error(`upload refused: ${result.code}`);
    const row = await db().media.findUniqueOrThrow({ where: { id: result.value.media.id } });
    const variants = row.variants as { width: number; storageKey: string }[];
    expect(variants.map((v) => v.width)).toEqual([480, 960, 1440]);
    const keys = [row.storageKey, ...variants.map((v) => v.storageKey)].sort();

    expect(await bucketKeys()).toEqual(keys);
    expect(await readdir(path.join(tmp, "media")).catch(() => [])).toEqual([]);
    const head = await bucket.send(new HeadObjectCommand({ Bucket: BUCKET, Key: row.storageKey }));
    expect(head).toMatchObject({ ContentType: "image/webp", ContentLength: row.sizeBytes });

    const response = await serve(row.storageKey);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/webp");
    expect(response.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(bytes.length).toBe(row.sizeBytes);
    expect(await sharp(bytes).metadata()).toMatchObject({ format: "webp", width: 1600, height: 1000 });
    const smallest = await serve(variants[0]!.storageKey);
    expect((await sharp(Buffer.from(await smallest.arrayBuffer())).metadata()).width).toBe(480);

    expect((await serve(`${"0".repeat(32)}.webp`)).status).toBe(404);
    expect((await serve("..%2F..%2Fetc%2Fpasswd")).status).toBe(404);

    expect(await deleteMedia(db(), writer, { id: row.id })).toMatchObject({ ok: true });
    expect(await bucketKeys()).toEqual([]);
    expect((await serve(row.storageKey)).status).toBe(404);
  });
});

describe("media in a local folder", () => {
  it("is the storage when S3_BUCKET is unset, and round-trips a file", async () => {
    const dir = path.join(tmp, "local");
    const storage = mediaStorage(parseEnv({ MEDIA_DIR: dir }));
    const key = `${"ab".repeat(16)}.webp`;
    const bytes = await solid(40, 30).webp().toBuffer();

    expect(await storage.get(key)).toBeNull();
    await storage.put(key, bytes, "image/webp");
    expect(await readdir(dir)).toEqual([key]);
    expect(await storage.get(key)).toEqual(bytes);
    await storage.delete(key);
    await storage.delete(key); // already gone: fine
    expect(await readdir(dir)).toEqual([]);
    await expect(storage.put("../outside.webp", bytes, "image/webp")).rejects.toThrow(/Not a media storage key/);
  });
});
