// The cache handler's link to Redis (loaded only when REDIS_URL is set): one connection for
// entries and the tags hash, and one in subscriber mode for the invalidations channel (a
// subscribed connection can run no other command).
//
// No request ever waits for Redis beyond a short wait at startup: while a connection is down
// the handler works from this process's memory alone, commands fail at once instead of
// queueing, and ioredis keeps reconnecting the same two connections. Being "in sync" means
// both connections are up, the channel is subscribed, and every invalidation recorded in the
// tags hash has been applied since; only then are entries read from or written to Redis. An
// invalidation that could not be sent is kept and sent on reconnecting, and one that was
// missed while disconnected is picked up from the tags hash.
import Redis from "ioredis";

const OPTIONS = {
  enableOfflineQueue: false,
  maxRetriesPerRequest: 0,
  // A Redis that accepts connections but does not answer must not hold up a page.
  connectTimeout: 2000,
  commandTimeout: 1000,
  // The channel is subscribed again by hand on every reconnect, so we know when it is.
  autoResubscribe: false,
  retryStrategy: (times) => Math.min(times * 100, 2000),
};

export class RedisLink {
  #client;
  #subscriber;
  #subscribed = false;
  #inSync = false;
  #syncing = false;
  /** Counts lost connections, so a catch-up that a disconnect overtook does not count. */
  #epoch = 0;
  /** @type {Map<string, number>} invalidations not yet sent: tag -> time (ms) */
  #unsent = new Map();
  #lastProblem = undefined;
  #wasInSync = false;
  #closed = false;
  #waiters = new Set();

  /**
   * @param {{ url: string, prefix: string, entryPrefix: string, onInvalidation: (tag: string, at: number) => void }} options
   * `prefix` scopes the tags hash and channel (shared by every build); `entryPrefix` the entries.
   */
  constructor({ url, prefix, entryPrefix, onInvalidation }) {
    this.tagsKey = `${prefix}tags`;
    this.channel = `${prefix}tags`;
    this.entryPrefix = entryPrefix;
    this.onInvalidation = onInvalidation;
    this.#client = new Redis(url, { ...OPTIONS, connectionName: "naringslivsnytt-cache" });
    this.#subscriber = new Redis(url, { ...OPTIONS, connectionName: "naringslivsnytt-cache-subscriber" });

    for (const conn of [this.#client, this.#subscriber]) {
      conn.on("error", (err) => this.#problem(err.message));
      conn.on("close", () => this.#lost(conn));
    }
    this.#client.on("ready", () => this.#sync());
    this.#subscriber.on("ready", () => {
      this.#subscriber.subscribe(this.channel).then(
        () => {
          this.#subscribed = true;
          this.#sync();
        },
        (err) => this.#problem(`subscribe: ${err.message}`),
      );
    });
    this.#subscriber.on("message", (_channel, message) => {
      try {
        const { tags, at } = JSON.parse(message);
        for (const tag of tags) this.onInvalidation(tag, Number(at));
      } catch {
        // A message we did not write: ignore it.
      }
    });
  }

  get inSync() {
    return this.#inSync;
  }

  /** Resolves with true once in sync, or with false after `ms`. */
  whenInSync(ms) {
    if (this.#inSync) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (ok) => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve(ok);
      };
      const timer = setTimeout(() => done(false), ms);
      this.#waiters.add(done);
    });
  }

  /** Closes both connections for good (tests; a server process simply exits). */
  disconnect() {
    this.#closed = true;
    this.#client.disconnect();
    this.#subscriber.disconnect();
  }

  getEntry(key) {
    return this.#client.getBuffer(this.entryPrefix + key);
  }

  async setEntry(key, encoded, ttlSeconds) {
    await this.#client.set(this.entryPrefix + key, encoded, "EX", ttlSeconds);
  }

  /** Records invalidations for processes that start later and tells every running one. */
  async invalidate(tags, at) {
    for (const tag of tags) this.#unsent.set(tag, Math.max(at, this.#unsent.get(tag) ?? 0));
    if (!this.#inSync) return;
    try {
      await this.#flush();
    } catch (err) {
      // Not sent (a slow Redis, say): out of sync until a catch-up sends it.
      this.#inSync = false;
      this.#epoch++;
      setTimeout(() => this.#sync(), 1000).unref();
      throw err;
    }
  }

  async #flush() {
    if (!this.#unsent.size) return;
    const batch = new Map(this.#unsent);
    await this.#client.hset(this.tagsKey, Object.fromEntries([...batch].map(([tag, at]) => [tag, String(at)])));
    const byTime = new Map();
    for (const [tag, at] of batch) byTime.set(at, [...(byTime.get(at) ?? []), tag]);
    for (const [at, tags] of byTime) await this.#client.publish(this.channel, JSON.stringify({ tags, at }));
    for (const [tag, at] of batch) if (this.#unsent.get(tag) === at) this.#unsent.delete(tag);
  }

  // Subscribed first, then the hash read: an invalidation made in between arrives as a message.
  #sync() {
    if (this.#inSync || this.#syncing || !this.#subscribed || this.#client.status !== "ready") return;
    this.#syncing = true;
    const epoch = this.#epoch;
    void (async () => {
      try {
        const known = await this.#client.hgetall(this.tagsKey);
        for (const [tag, at] of Object.entries(known)) this.onInvalidation(tag, Number(at));
        await this.#flush();
        if (epoch !== this.#epoch) return;
        this.#inSync = true;
        console.info(this.#wasInSync ? "[cache] Redis is back; sharing the page cache through it again" : "[cache] sharing the page cache through Redis");
        this.#wasInSync = true;
        this.#lastProblem = undefined;
        for (const done of [...this.#waiters]) done(true);
      } catch (err) {
        this.#problem(err.message);
        // Still connected (a slow answer, say): try again shortly.
        setTimeout(() => this.#sync(), 1000).unref();
      } finally {
        this.#syncing = false;
        if (epoch !== this.#epoch) this.#sync();
      }
    })();
  }

  #lost(conn) {
    this.#epoch++;
    if (conn === this.#subscriber) this.#subscribed = false;
    if (this.#inSync && !this.#closed) console.warn("[cache] lost the connection to Redis; serving from this process's memory until it is back");
    this.#inSync = false;
  }

  // Once per distinct problem, not on every reconnect attempt.
  #problem(message) {
    if (message === this.#lastProblem) return;
    this.#lastProblem = message;
    console.warn(`[cache] Redis: ${message}`);
  }
}
