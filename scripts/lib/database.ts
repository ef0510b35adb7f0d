import path from "node:path";
import pg from "pg";

/** A URL safe to print: the password is replaced. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

/** Resolves when the database answers; otherwise throws one line that names DATABASE_URL. */
export async function assertDatabaseReachable(url: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`Cannot reach the database at DATABASE_URL=${redactUrl(url)}: ${reason}`);
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The database a command-line tool works on: DATABASE_URL, else the embedded one `npm start`
 * runs (connecting to its port while the server is up, starting it otherwise). Call stop() at the end.
 */
export async function cliDatabaseUrl(env: { DATABASE_URL?: string; EMBEDDED_PG_PORT: number; DATA_DIR: string }): Promise<{ url: string; stop: () => Promise<void> }> {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL, stop: async () => {} };
  const running = `postgresql://postgres:postgres@127.0.0.1:${env.EMBEDDED_PG_PORT}/naringslivsnytt`;
  if (await assertDatabaseReachable(running, 1000).then(() => true, () => false)) return { url: running, stop: async () => {} };
  const { startEmbeddedPostgres } = await import("./embedded-pg");
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(env.DATA_DIR, "pg"), port: env.EMBEDDED_PG_PORT });
  return { url: embedded.url, stop: () => embedded.stop() };
}
