import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// The command `npm start` runs, from package.json.
const START = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;

// `npm start` with bad configuration stops at once with one line that names the problem.
function start(env: Record<string, string>) {
  const res = spawnSync("sh", ["-c", `exec ${START}`], {
    env: { PATH: process.env.PATH!, HOME: process.env.HOME!, NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
  return { status: res.status, stderr: res.stderr.trim(), stdout: res.stdout };
}

describe("npm start refuses bad configuration", () => {
  it("names an invalid PORT in one line", () => {
    const { status, stderr } = start({ PORT: "eighty" });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid configuration: PORT /);
  });

  it("names a TRUSTED_PROXIES entry that is not an address or range", () => {
    const { status, stderr } = start({ TRUSTED_PROXIES: "127.0.0.1, 10.0.0.0/99" });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Invalid configuration: TRUSTED_PROXIES "10\.0\.0\.0\/99" is not an IP address/);
  });

  it("server.mjs itself refuses a bad TRUSTED_PROXIES before it loads Next", () => {
    const res = spawnSync(process.execPath, ["server.mjs", "-p", "1"], { env: { PATH: process.env.PATH!, NODE_ENV: "production", TRUSTED_PROXIES: "nginx" }, encoding: "utf8", timeout: 30_000 });
    expect(res.status).toBe(1);
    expect(res.stderr.trim()).toBe('Invalid configuration: TRUSTED_PROXIES "nginx" is not an IP address or a CIDR range such as 10.0.0.0/8');
  });

  it("names a DATABASE_URL that is not a postgres URL", () => {
    const { status, stderr } = start({ DATABASE_URL: "mysql://localhost/db" });
    expect(status).toBe(1);
    expect(stderr).toMatch(/^Invalid configuration: DATABASE_URL must be a postgres/);
    expect(stderr.split("\n")).toHaveLength(1);
  });

  it("asks for BETTER_AUTH_SECRET when a database server is given", () => {
    const { status, stderr } = start({ DATABASE_URL: "postgresql://app:hemligt@127.0.0.1:1/app" });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/BETTER_AUTH_SECRET must be set when DATABASE_URL is set/);
  });

  it("names DATABASE_URL, without its password, when the server cannot be reached", () => {
    const { status, stderr } = start({ DATABASE_URL: "postgresql://app:hemligt@127.0.0.1:1/app", BETTER_AUTH_SECRET: "x".repeat(40) });
    expect(status).toBe(1);
    expect(stderr.split("\n")).toHaveLength(1);
    expect(stderr).toMatch(/^Cannot reach the database at DATABASE_URL=postgresql:\/\/app:\*\*\*@127\.0\.0\.1:1\/app: ECONNREFUSED/);
    expect(stderr).not.toContain("hemligt");
  });
});
