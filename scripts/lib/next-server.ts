// The production build and `next start` for tests and benchmarks. Plain Node only (no
// "server-only" modules), so a Playwright test can import it and own the processes it starts.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import net from "node:net";
import { BUILD_HASH_FILE, buildIsCurrent, sourceHash } from "./build-hash";

/** The session secret of every throwaway test site (never used anywhere else). */
export const TEST_AUTH_SECRET = "test-secret-that-is-only-used-by-the-throwaway-test-site";

/** The database a site is served from: its URL and the folder its media files live in. */
export type SiteData = { databaseUrl: string; mediaDir: string };

/** Builds `.next` once when the sources changed since the last build; every server shares it. */
export function ensureBuild(data: SiteData): void {
  if (buildIsCurrent()) return;
  // The build collects page data, which asks for a database: it gets the test database.
  const build = spawnSync("node_modules/.bin/next", ["build"], {
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", DATABASE_URL: data.databaseUrl, MEDIA_DIR: data.mediaDir },
  });
  if (build.status !== 0) throw new Error("next build failed");
  writeFileSync(BUILD_HASH_FILE, sourceHash());
}

export type NextServer = {
  url: string;
  port: number;
  process: ChildProcess;
  /** Stops the server (SIGTERM) and waits until it has exited; does nothing if it already has. */
  stop: () => Promise<void>;
};

export type NextServerOptions = SiteData & {
  port: number;
  /** More environment for the server, e.g. REDIS_URL; it wins over the defaults below. */
  env?: Record<string, string>;
  /** Receives the server's output; without it the output goes to this process's own. */
  onOutput?: (text: string) => void;
  /** How long to wait for the first answer from `/`. */
  timeoutMs?: number;
};

/** Rejects if something already listens on 127.0.0.1:port. */
function assertPortFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", (err) => reject(new Error(`port ${port} is already in use (${(err as NodeJS.ErrnoException).code}); is another test site running?`)));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve()));
  });
}

/**
 * Starts the production server (server.mjs: Next behind the fast path for stored pages, what
 * `npm start` runs) on 127.0.0.1:port from the current build and waits until `/` answers.
 */
export async function startNextServer(opts: NextServerOptions): Promise<NextServer> {
  const url = `http://127.0.0.1:${opts.port}`;
  // Otherwise the wait below could take another server's answer for this one's.
  await assertPortFree(opts.port);
  const child = spawn(process.execPath, ["server.mjs", "-H", "127.0.0.1", "-p", String(opts.port)], {
    stdio: ["ignore", opts.onOutput ? "pipe" : "inherit", opts.onOutput ? "pipe" : "inherit"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      DATABASE_URL: opts.databaseUrl,
      MEDIA_DIR: opts.mediaDir,
      SITE_URL: url,
      BETTER_AUTH_SECRET: TEST_AUTH_SECRET,
      AUTH_RATE_LIMIT: "off",
      PORT: String(opts.port),
      // Scheduled stories appear within two seconds, so the end-to-end test need not wait a minute.
      SCHEDULER_INTERVAL_SECONDS: "2",
      // Test servers never check the demo content's links on the internet.
      LINK_CHECK_INTERVAL_MINUTES: "0",
      // The newsroom import's upload limit, low enough for the end-to-end test to pass it.
      IMPORT_MAX_MB: "1",
      ...opts.env,
    },
  });
  if (opts.onOutput) {
    child.stdout!.setEncoding("utf8").on("data", opts.onOutput);
    child.stderr!.setEncoding("utf8").on("data", opts.onOutput);
  }
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
    await exited;
  };
  const deadline = Date.now() + (opts.timeoutMs ?? 60_000);
  const exitedEarly = () => child.exitCode !== null || child.signalCode !== null;
  while (!(await fetch(`${url}/`).then((r) => r.ok).catch(() => false)) || exitedEarly()) {
    if (exitedEarly()) throw new Error(`next start on port ${opts.port} exited`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`next start on port ${opts.port} did not answer within ${opts.timeoutMs ?? 60_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { url, port: opts.port, process: child, stop };
}
