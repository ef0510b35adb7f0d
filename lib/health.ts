import pg from "pg";

// The health check behind /api/halsa: does the database answer `SELECT 1` in time? It uses a
// connection of its own for each check, not the app's pool, so a probe never waits behind
// the site's queries and a frozen database cannot leave pool connections stuck.

export const HEALTH_TIMEOUT_MS = 2000;

/** True when the database at `url` answers within `timeoutMs`; never throws, never waits longer. */
export async function databaseAnswers(url: string | undefined, timeoutMs = HEALTH_TIMEOUT_MS): Promise<boolean> {
  if (!url) return false;
  const client = new pg.Client({
    connectionString: url,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
    statement_timeout: timeoutMs,
    application_name: "naringslivsnytt-health",
  });
  // A late error on a connection we have given up on must not crash the process.
  client.on("error", () => undefined);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<"timeout">((resolve) => {
    timer = setTimeout(() => resolve("timeout"), timeoutMs);
  });
  const check = client
    .connect()
    .then(() => client.query("SELECT 1"))
    .then(
      () => true,
      () => false,
    );
  const answer = await Promise.race([check, deadline]);
  clearTimeout(timer);
  if (answer === true) {
    client.end().catch(() => undefined);
    return true;
  }
  // A graceful end waits for the server's reply, which a frozen database never sends.
  client.connection.stream.destroy();
  return false;
}
