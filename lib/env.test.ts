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

  // A value containing a line break (a YAML block scalar, a pasted value) must not turn the
  // one-line message into several.
  it("keeps the message on one line even when the bad value contains a line break", () => {
    const err = envError({ DATABASE_URL: "postgres://localhost/db\n" });
    expect(err.message).toMatch(/\bDATABASE_URL\b/);
    expect(err.message).not.toMatch(/[\r\n]/);
  });
});
