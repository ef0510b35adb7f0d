// Next's cache handler (next.config.ts `cacheHandler`): where rendered pages, route handler
// bodies and unstable_cache data live between requests. Plain JavaScript because Next imports
// it at run time without compiling it.
//
// - One process (no REDIS_URL): entries in memory, bounded by CACHE_MEMORY_MB and evicted
//   least recently used first.
// - Several processes (REDIS_URL): entries are shared through Redis, with the same bounded
//   memory store in front of it, and every tag invalidation is published to every process,
//   so an edit made through one instance is visible on all of them at the next request.
//
// Pages answered 404 (a made-up slug) go to a small store of their own, so a flood of them can
// neither push real pages out nor grow memory without bound. Nothing from `next build` is ever
// served: a page is rendered at its first request, from the database the server is running on.
//
// A tag invalidation expires at once every entry that carries the tag (decision 012). An entry
// whose render began before an invalidation and finished after it counts as older than the
// invalidation, so a render racing a publish cannot store the old text.
import { LruStore } from "./lru-store.mjs";
import { decodeEntry, encodeEntry, entrySize, entryTags } from "./entry.mjs";

const MB = 1024 * 1024;
const memoryMb = Number(process.env.CACHE_MEMORY_MB) || 64;
const NOT_FOUND_ENTRIES = 2000;
const DEBUG = process.env.CACHE_DEBUG === "1";
const REDIS_PREFIX = process.env.REDIS_PREFIX || "nln:";
const TAGS_CHANNEL = `${REDIS_PREFIX}tags`;
const TAGS_HASH = `${REDIS_PREFIX}tags`;
// Entries in Redis expire after a week unread at the latest, so the shared store cannot grow for ever.
const REDIS_TTL_SECONDS = 7 * 24 * 3600;

// One set of stores per process: Next makes a handler per request.
const g = /** @type {any} */ (globalThis);
const state = (g.__nlnCache ??= {
  pages: new LruStore({ maxBytes: memoryMb * MB }),
  notFound: new LruStore({ maxEntries: NOT_FOUND_ENTRIES, maxBytes: 8 * MB }),
  /** @type {Map<string, number>} tag -> time of its last invalidation (ms) */
  invalidated: new Map(),
  /** @type {Map<string, number>} key -> when its pending render began (ms) */
  pending: new Map(),
  redis: null,
});

function isExpired(tags, lastModified) {
  for (const tag of tags) {
    const at = state.invalidated.get(tag);
    if (at !== undefined && at >= lastModified) return true;
  }
  return false;
}

function noteInvalidation(tag, at) {
  const known = state.invalidated.get(tag);
  if (known === undefined || known < at) state.invalidated.set(tag, at);
}

async function connectRedis(url) {
  const { default: Redis } = await import("ioredis");
  const options = { lazyConnect: false, maxRetriesPerRequest: 1, enableOfflineQueue: true };
  const client = new Redis(url, options);
  const subscriber = new Redis(url, options);
  const onError = (err) => console.warn(`[cache] Redis: ${err.message}`);
  client.on("error", onError);
  subscriber.on("error", onError);
  subscriber.on("message", (_channel, message) => {
    try {
      const { tags, at } = JSON.parse(message);
      for (const tag of tags) noteInvalidation(tag, at);
    } catch {
      // A message we did not write: ignore it.
    }
  });
  await subscriber.subscribe(TAGS_CHANNEL);
  // Invalidations made before this process started.
  const known = await client.hgetall(TAGS_HASH);
  for (const [tag, at] of Object.entries(known)) noteInvalidation(tag, Number(at));
  console.info("[cache] sharing the page cache through Redis");
  return client;
}

function redis() {
  const url = process.env.REDIS_URL;
  if (!url) return null;
  state.redis ??= connectRedis(url).catch((err) => {
    console.error(`[cache] could not connect to REDIS_URL: ${err.message}`);
    state.redis = null;
    return null;
  });
  return state.redis;
}

export default class CacheHandler {
  constructor() {
    // Connect as early as possible, so the first request does not wait for it.
    void redis();
  }

  async get(key, ctx) {
    const softTags = ctx?.softTags ?? [];
    const askedTags = ctx?.tags ?? [];
    const valid = (entry) => entry && !isExpired([...entryTags(entry), ...askedTags, ...softTags], entry.lastModified);

    let entry = state.pages.get(key) ?? state.notFound.get(key);
    if (!valid(entry)) {
      entry = undefined;
      const client = await redis();
      if (client) {
        try {
          const raw = await client.getBuffer(REDIS_PREFIX + "e:" + key);
          const shared = raw ? decodeEntry(raw) : null;
          if (valid(shared)) {
            entry = shared;
            state.pages.set(key, entry, entrySize(entry));
          }
        } catch (err) {
          console.warn(`[cache] Redis read failed for ${key}: ${err.message}`);
        }
      }
    }
    if (!entry) {
      state.pages.delete(key);
      state.notFound.delete(key);
      if (state.pending.size > 10_000) state.pending.clear();
      state.pending.set(key, Date.now());
      return null;
    }
    return { lastModified: entry.lastModified, value: entry.value, cacheControl: entry.cacheControl };
  }

  async set(key, value, ctx) {
    const began = state.pending.get(key);
    state.pending.delete(key);
    if (!value) return;
    const entry = {
      lastModified: began ?? Date.now(),
      value,
      cacheControl: ctx?.cacheControl,
      tags: value.kind === "FETCH" ? (ctx?.tags ?? value.tags ?? []) : undefined,
    };
    const size = entrySize(entry);
    if (DEBUG) console.info(`[cache] set ${key} ${value.kind} ${value.status ?? ""} ${size} B tags=${entryTags(entry).join(",")}`);
    if (value.status === 404) {
      // Made-up addresses: kept in this process only, in a store of their own.
      state.notFound.set(key, entry, size);
      return;
    }
    state.pages.set(key, entry, size);
    const client = await redis();
    if (client) {
      try {
        await client.set(REDIS_PREFIX + "e:" + key, encodeEntry(entry), "EX", REDIS_TTL_SECONDS);
      } catch (err) {
        console.warn(`[cache] Redis write failed for ${key}: ${err.message}`);
      }
    }
  }

  async revalidateTag(tags) {
    const list = typeof tags === "string" ? [tags] : tags;
    if (!list.length) return;
    const at = Date.now();
    for (const tag of list) noteInvalidation(tag, at);
    const client = await redis();
    if (client) {
      try {
        await client.hset(TAGS_HASH, Object.fromEntries(list.map((t) => [t, String(at)])));
        await client.publish(TAGS_CHANNEL, JSON.stringify({ tags: list, at }));
      } catch (err) {
        console.warn(`[cache] Redis invalidation failed for ${list.join(", ")}: ${err.message}`);
      }
    }
  }

  resetRequestCache() {}
}
