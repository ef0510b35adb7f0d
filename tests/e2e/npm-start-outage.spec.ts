import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { childPids } from "../../scripts/lib/embedded-pg";
import { freePort } from "../setup/free-port";

// `npm start` ends within 10 s of SIGTERM whatever state its database is in: here its embedded
// PostgreSQL is frozen (SIGSTOP to the postmaster and every backend, as a hung server or a
// stalled disk leaves it) with a request waiting on it. Before the bounded stop, the wrapper
// waited for a shutdown PostgreSQL never answered. Runs after the other tests (it starts a
// whole `npm start` of its own, on the build they made).

const START = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;

test("npm start ends within 10 s of SIGTERM while its database is frozen", async () => {
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nn-start-"));
  const port = await freePort();
  const output: string[] = [];
  const child = spawn("sh", ["-c", `exec ${START}`], {
    env: { ...process.env, NODE_ENV: "production", DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", EMBEDDED_PG_PORT: String(await freePort()), SITE_URL: `http://127.0.0.1:${port}` },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout.setEncoding("utf8").on("data", (t: string) => output.push(t));
  child.stderr.setEncoding("utf8").on("data", (t: string) => output.push(t));
  const exited = new Promise<number>((resolve) => child.once("exit", () => resolve(Date.now())));
  let frozen: number[] = [];
  try {
    await expect
      .poll(() => fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0), { timeout: 200_000, intervals: [500] })
      .toBe(200);
    const postmaster = Number(readFileSync(path.join(dataDir, "pg", "postmaster.pid"), "utf8").split("\n")[0]);
    frozen = [postmaster, ...childPids(postmaster)];
    for (const pid of frozen) process.kill(pid, "SIGSTOP");
    // A search needs the database: it stays waiting while the stop begins.
    void fetch(`http://127.0.0.1:${port}/sok?q=hamnen`).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 500));

    const sent = Date.now();
    child.kill("SIGTERM");
    const stopped = await Promise.race([exited, new Promise<number>((r) => setTimeout(() => r(Number.POSITIVE_INFINITY), 20_000))]);
    expect(stopped - sent, output.join("").slice(-2000)).toBeLessThan(10_000);
    // It killed the frozen PostgreSQL rather than leaving it behind.
    for (const pid of frozen) expect(alive(pid), `postgres ${pid} left running`).toBe(false);
  } finally {
    for (const pid of frozen) {
      if (!alive(pid)) continue;
      process.kill(pid, "SIGCONT");
      process.kill(pid, "SIGKILL");
    }
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await rm(dataDir, { recursive: true, force: true });
  }
});

function alive(pid: number): boolean {
  try {
    // A killed process is a zombie until its parent reaps it: gone for our purpose.
    return !/^State:\s+Z/m.test(readFileSync(`/proc/${pid}/status`, "utf8"));
  } catch {
    return false;
  }
}
