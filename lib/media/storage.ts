import "server-only";
import { randomUUID } from "node:crypto";
import { access, mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { env, type Env } from "@/lib/env";

// Where processed images live. A folder (MEDIA_DIR) serves one server; with several servers
// every instance must read what another one stored, so S3_BUCKET moves the files into
// S3-compatible object storage. Keys are content-hash file names, so an object never changes:
// storing a key again writes the same bytes, and nothing needs locking.

/** A storage key: the content hash of the stored bytes plus the format's extension. */
export const STORAGE_KEY_PATTERN = /^[a-f0-9]{32}\.(webp|png|jpg|avif)$/;

export interface MediaStorage {
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The stored bytes, or null when nothing is stored under the key. */
  get(key: string): Promise<Buffer | null>;
  /** Removes the file; one that is already gone is fine. */
  delete(key: string): Promise<void>;
}

// Keys end up in file paths and object names; anything else is a bug, never a request to honour.
function checked(key: string): string {
  if (!STORAGE_KEY_PATTERN.test(key)) throw new Error(`Not a media storage key: ${JSON.stringify(key)}`);
  return key;
}

const isMissing = (err: unknown) => (err as NodeJS.ErrnoException).code === "ENOENT";

export function localMediaStorage(dir: string): MediaStorage {
  const file = (key: string) => path.join(dir, checked(key));
  return {
    async put(key, bytes) {
      const target = file(key);
      if (await access(target).then(() => true, () => false)) return;
      await mkdir(dir, { recursive: true });
      // Written aside and renamed, so a reader never sees half a file.
      const partial = `${target}.${randomUUID()}.part`;
      await writeFile(partial, bytes);
      await rename(partial, target);
    },
    async get(key) {
      return readFile(file(key)).catch((err: unknown) => (isMissing(err) ? null : Promise.reject(err)));
    },
    async delete(key) {
      await rm(file(key), { force: true });
    },
  };
}

export type S3Options = { bucket: string; endpoint?: string; region: string; forcePathStyle: boolean; accessKeyId: string; secretAccessKey: string };

// The SDK's default checksums (CRC32 headers on upload, checksum mode on download) work with
// AWS and with s3rver 3.7.1, which our tests run. A provider that refuses them needs
// `requestChecksumCalculation: "WHEN_REQUIRED", responseChecksumValidation: "WHEN_REQUIRED"`.
export function s3MediaStorage(opts: S3Options): MediaStorage {
  const client = new S3Client({
    endpoint: opts.endpoint,
    region: opts.region,
    forcePathStyle: opts.forcePathStyle,
    credentials: { accessKeyId: opts.accessKeyId, secretAccessKey: opts.secretAccessKey },
  });
  const Bucket = opts.bucket;
  return {
    async put(key, bytes, contentType) {
      await client.send(new PutObjectCommand({ Bucket, Key: checked(key), Body: bytes, ContentType: contentType, CacheControl: "public, max-age=31536000, immutable" }));
    },
    async get(key) {
      try {
        const object = await client.send(new GetObjectCommand({ Bucket, Key: checked(key) }));
        return object.Body ? Buffer.from(await object.Body.transformToByteArray()) : null;
      } catch (err) {
        // Only a missing key: a missing bucket or refused credentials must not look like a missing image.
        if (err instanceof NoSuchKey) return null;
        throw err;
      }
    },
    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checked(key) }));
    },
  };
}

const byConfig = new WeakMap<Env, MediaStorage>();

/** The storage the configuration asks for: S3 when S3_BUCKET is set, else the MEDIA_DIR folder. */
export function mediaStorage(config: Env = env()): MediaStorage {
  let storage = byConfig.get(config);
  if (!storage) {
    const { S3_BUCKET: bucket, S3_ENDPOINT: endpoint, S3_REGION: region } = config;
    storage = bucket
      ? s3MediaStorage({
          bucket,
          endpoint,
          region,
          forcePathStyle: config.S3_FORCE_PATH_STYLE === "true",
          // parseEnv refuses S3_BUCKET without both of these.
          accessKeyId: config.S3_ACCESS_KEY_ID!,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
        })
      : localMediaStorage(path.resolve(config.MEDIA_DIR));
    byConfig.set(config, storage);
  }
  return storage;
}
