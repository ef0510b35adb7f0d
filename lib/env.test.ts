import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "./env";

function envError(source: Record<string, string | undefined>): EnvError {
  try {
    parseEnv(source);
  } catch (e) {
    expect(e).toBeInstanceOf(EnvError);
    return e as EnvError;
  }
  throw new Error("parseEnv did not throw");
}

describe("parseEnv", () => {
  it("uses the defaults when nothing is set", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.MEDIA_DIR).toBe(".data/media");
    expect(env.DATABASE_URL).toBeUndefined();
  });

  it("limits the newsroom's import to IMPORT_MAX_MB per file, 512 unless told, refusing what is not a whole number 1–10240", () => {
    expect(parseEnv({}).IMPORT_MAX_MB).toBe(512);
    expect(parseEnv({ IMPORT_MAX_MB: "50" }).IMPORT_MAX_MB).toBe(50);
    for (const value of ["0", "10241", "1.5", "mycket"]) expect(envError({ IMPORT_MAX_MB: value }).message).toMatch(/^Invalid configuration: IMPORT_MAX_MB must be a whole number of megabytes 1–10240/);
  });

  it("reads PORT as a number and builds the default SITE_URL from it", () => {
    const env = parseEnv({ PORT: "4000" });
    expect(env.PORT).toBe(4000);
    expect(env.SITE_URL).toBe("http://localhost:4000");
  });

  it("puts the media directory inside DATA_DIR unless MEDIA_DIR is set", () => {
    expect(parseEnv({ DATA_DIR: "/srv/nln" }).MEDIA_DIR).toBe("/srv/nln/media");
    expect(parseEnv({ DATA_DIR: "/srv/nln", MEDIA_DIR: "/mnt/media" }).MEDIA_DIR).toBe("/mnt/media");
  });

  it.each(["abc", "70000", "0", "3000.5"])("refuses PORT=%s with one line naming PORT", (value) => {
    const err = envError({ PORT: value });
    expect(err.message).toMatch(/\bPORT\b/);
    expect(err.message).not.toMatch(/[\r\n]/);
    expect(err.message).toContain(value);
  });

  it("refuses a DATABASE_URL that is not a postgres URL", () => {
    const err = envError({ DATABASE_URL: "mysql://x" });
    expect(err.message).toMatch(/\bDATABASE_URL\b/);
    expect(err.message).not.toMatch(/[\r\n]/);
  });

  it("accepts postgres:// and postgresql:// database URLs", () => {
    expect(parseEnv({ DATABASE_URL: "postgres://u:p@localhost:5432/db" }).DATABASE_URL).toBe("postgres://u:p@localhost:5432/db");
    expect(parseEnv({ DATABASE_URL: "postgresql://localhost/db" }).DATABASE_URL).toBe("postgresql://localhost/db");
  });

  it("refuses a SITE_URL that is not http(s), naming SITE_URL", () => {
    const err = envError({ SITE_URL: "ftp://naringslivsnytt.se" });
    expect(err.message).toMatch(/\bSITE_URL\b/);
  });

  it("removes a trailing slash from SITE_URL", () => {
    expect(parseEnv({ SITE_URL: "https://naringslivsnytt.se/" }).SITE_URL).toBe("https://naringslivsnytt.se");
    expect(parseEnv({ SITE_URL: "https://naringslivsnytt.se" }).SITE_URL).toBe("https://naringslivsnytt.se");
  });

  it("treats empty strings as unset", () => {
    const env = parseEnv({ PORT: "", SITE_URL: "", DATABASE_URL: "", MEDIA_DIR: "", DATA_DIR: "" });
    expect(env.PORT).toBe(3000);
    expect(env.SITE_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.MEDIA_DIR).toBe(".data/media");
  });

  describe("S3 media storage", () => {
    const s3 = { S3_BUCKET: "media", S3_ACCESS_KEY_ID: "AKIAEXAMPLE", S3_SECRET_ACCESS_KEY: "secret" };

    it("is off by default, with AWS's Stockholm region and virtual-host addressing", () => {
      const env = parseEnv({});
      expect(env.S3_BUCKET).toBeUndefined();
      expect(env.S3_REGION).toBe("eu-north-1");
      expect(env.S3_FORCE_PATH_STYLE).toBe("false");
    });

    it("reads a bucket with its keys, an endpoint and path-style addressing", () => {
      const env = parseEnv({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true" });
      expect(env).toMatchObject({ ...s3, S3_ENDPOINT: "http://127.0.0.1:9000", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "true" });
    });

    it.each(["S3_ACCESS_KEY_ID", "S3_SECRET_ACCESS_KEY"])("refuses S3_BUCKET without %s, in one line naming it", (name) => {
      const err = envError({ ...s3, [name]: "" });
      expect(err.message).toBe(`Invalid configuration: ${name} must be set when S3_BUCKET is set`);
    });

    it("does not ask for keys when S3_BUCKET is unset", () => {
      expect(parseEnv({ S3_ACCESS_KEY_ID: "AKIAEXAMPLE" }).S3_BUCKET).toBeUndefined();
    });

    it.each([
      ["S3_ENDPOINT", "minio:9000"],
      ["S3_ENDPOINT", "ftp://minio.local"],
      ["S3_FORCE_PATH_STYLE", "yes"],
    ])("refuses %s=%s with one line naming it", (name, value) => {
      const err = envError({ ...s3, [name]: value });
      expect(err.message).toMatch(new RegExp(`^Invalid configuration: ${name} must `));
      expect(err.message).toContain(JSON.stringify(value));
      expect(err.message).not.toMatch(/[\r\n]/);
    });
  });

  describe("the shared page cache", () => {
    it("keeps pages in each process, 64 MB of them, by default", () => {
      const env = parseEnv({});
      expect(env.REDIS_URL).toBeUndefined();
      expect(env.CACHE_MEMORY_MB).toBe(64);
    });

    it.each(["redis://127.0.0.1:6379", "rediss://default:hemligt@cache.example.se:6380/2"])("accepts REDIS_URL=%s", (url) => {
      expect(parseEnv({ REDIS_URL: url }).REDIS_URL).toBe(url);
    });

    it.each(["127.0.0.1:6379", "http://127.0.0.1:6379", "redis://", "redis://host name"])("refuses REDIS_URL=%s with one line naming it", (value) => {
      const err = envError({ REDIS_URL: value });
      expect(err.message).toMatch(/^Invalid configuration: REDIS_URL must be a redis:\/\/ or rediss:\/\/ URL/);
      expect(err.message).not.toMatch(/[\r\n]/);
    });

    it("never shows the password of a refused URL", () => {
      const err = envError({ REDIS_URL: "https://default:hemligt@cache.example.se" });
      expect(err.message).toContain('(got "https://default:***@cache.example.se")');
      expect(err.message).not.toContain("hemligt");
    });

    it("reads CACHE_MEMORY_MB as a whole number of megabytes", () => {
      expect(parseEnv({ CACHE_MEMORY_MB: "8" }).CACHE_MEMORY_MB).toBe(8);
      expect(parseEnv({ CACHE_MEMORY_MB: "4096" }).CACHE_MEMORY_MB).toBe(4096);
    });

    it.each(["7", "4097", "64.5", "mycket", "-64"])("refuses CACHE_MEMORY_MB=%s with one line naming it", (value) => {
      const err = envError({ CACHE_MEMORY_MB: value });
      expect(err.message).toBe(`Invalid configuration: CACHE_MEMORY_MB must be a whole number of megabytes 8–4096 (got ${JSON.stringify(value)})`);
    });
  });

  // A value containing a line break (a YAML block scalar, a pasted value) must not turn the
  // one-line message into several.
  it("keeps the message on one line even when the bad value contains a line break", () => {
    const err = envError({ DATABASE_URL: "postgres://localhost/db\n" });
    expect(err.message).toMatch(/\bDATABASE_URL\b/);
    expect(err.message).not.toMatch(/[\r\n]/);
  });

  it("names a bad REDIS_PREFIX or CACHE_DEBUG", () => {
    expect(() => parseEnv({ REDIS_PREFIX: "has space" })).toThrow(/^Invalid configuration: REDIS_PREFIX must be/);
    expect(() => parseEnv({ CACHE_DEBUG: "yes" })).toThrow(/^Invalid configuration: CACHE_DEBUG must be "0" or "1"/);
    expect(parseEnv({}).REDIS_PREFIX).toBe("nln:");
  });

  it("reads COMMENTS_CLOSE_AFTER_DAYS as whole days, 30 by default and 0 for never, and names a bad one", () => {
    expect(parseEnv({}).COMMENTS_CLOSE_AFTER_DAYS).toBe(30);
    expect(parseEnv({ COMMENTS_CLOSE_AFTER_DAYS: "0" }).COMMENTS_CLOSE_AFTER_DAYS).toBe(0);
    for (const bad of ["-1", "2.5", "thirty", "4000"]) {
      expect(envError({ COMMENTS_CLOSE_AFTER_DAYS: bad }).message).toMatch(/^Invalid configuration: COMMENTS_CLOSE_AFTER_DAYS must be a whole number of days 0–3650/);
    }
  });
});
