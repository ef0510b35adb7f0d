import pg from "pg";

// A leader lease: of all processes that share one database, the one holding a session-level
// PostgreSQL advisory lock leads. The lock lives exactly as long as the session, on a
// connection of its own (never the app's pool, whose sessions are shared), so when the
// leader's process dies its connection closes, PostgreSQL frees the lock, and the next
// process to try takes it over.

export type LeaderLeaseOptions = {
  /** Read on every connect, so a process that changes DATABASE_URL (the tests) is followed. */
  connectionString: () => string | undefined;
  /** The advisory lock key; every process competing for one role must use the same one. */
  key: number;
  /** For connecting and for each query; a frozen database must not hold up a tick. */
  timeoutMs?: number;
  /** Called once for each change of leadership, with the reason when it was lost. */
  onChange?: (leader: boolean, reason?: string) => void;
  /** Called once for each new problem reaching the database (not on every attempt). */
  onError?: (message: string) => void;
};

export class LeaderLease {
  #client: pg.Client | undefined;
  #leader = false;
  #pending: Promise<boolean> | undefined;
  #lastError: string | undefined;

  constructor(private readonly options: LeaderLeaseOptions) {}

  get isLeader(): boolean {
    return this.#leader;
  }

  /** Holds or tries to take the lock; true while this process leads. Never throws. */
  ensure(): Promise<boolean> {
    this.#pending ??= this.#ensure().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  /** Gives up the lock (by ending the session) so another process can take over at once. */
  async release(): Promise<void> {
    await this.#pending?.catch(() => undefined);
    if (this.#client) await this.#drop(this.#client, "released");
  }

  async #ensure(): Promise<boolean> {
    let client = this.#client;
    try {
      client ??= await this.#connect();
      if (this.#leader) {
        // A live session still holds its lock; taking it again would only stack it.
        await client.query("SELECT 1");
      } else {
        const { rows } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [this.options.key]);
        if (rows[0]?.ok && this.#client === client) {
          this.#leader = true;
          this.options.onChange?.(true);
        }
      }
      this.#lastError = undefined;
      return this.#leader;
    } catch (err) {
      const message = (err as Error).message;
      if (client) void this.#drop(client, message);
      if (message !== this.#lastError) this.options.onError?.(message);
      this.#lastError = message;
      return false;
    }
  }

  async #connect(): Promise<pg.Client> {
    const url = this.options.connectionString();
    if (!url) throw new Error("DATABASE_URL is not set");
    const timeout = this.options.timeoutMs ?? 5000;
    const client = new pg.Client({
      connectionString: url,
      connectionTimeoutMillis: timeout,
      query_timeout: timeout,
      keepAlive: true,
      application_name: "naringslivsnytt-leader",
    });
    // Without a listener a broken connection would crash the process.
    client.on("error", (err) => void this.#drop(client, err.message));
    client.on("end", () => void this.#drop(client, "connection closed"));
    try {
      await client.connect();
    } catch (err) {
      client.end().catch(() => undefined);
      throw err;
    }
    this.#client = client;
    return client;
  }

  /** Forgets a connection that broke or was ended; leadership went with its session. */
  #drop(client: pg.Client, reason: string): Promise<void> {
    if (this.#client !== client) return Promise.resolve();
    this.#client = undefined;
    if (this.#leader) {
      this.#leader = false;
      this.options.onChange?.(false, reason);
    }
    return client.end().catch(() => undefined);
  }
}
