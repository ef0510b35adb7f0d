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
// Pages answered 404 (a made-up slug) or a redirect go to a small store of their own, so a flood of them can
// neither push real pages out nor grow memory without bound. Nothing from `next build` is ever
// served: a page is rendered at its first request, from the database the server is running on.
//
// A tag invalidation expires at once every entry that carries the tag (decision 012). An entry
// whose render began before an invalidation and finished after it counts as older than the
// invalidation, so a render racing a publish cannot store the old text. With several
// instances that compares one machine's render start with another's invalidation time, so
// their clocks must agree (NTP) to well within the time a render takes.
//
// Entries in Redis belong to one build: a page rendered by one build names that build's
// script chunks, so a new deploy (or an old instance still running beside it) must never
// serve another build's pages. Tag invalidations concern the data and are shared by all.
// `next build` itself never uses Redis: its renders come from the build machine's database.
import { readFileSync } from "node:fs";
import path from "node:path";
import { LruStore } from "./lru-store.mjs";
import { decodeEntry, encodeEntry, entrySize, entryTags } from "./entry.mjs";

const MB = 1024 * 1024;
const memoryMb = Number(process.env.CACHE_MEMORY_MB) || 64;
const NOT_FOUND_ENTRIES = 2000;
const DEBUG = process.env.CACHE_DEBUG === "1";
const REDIS_PREFIX = process.env.REDIS_PREFIX || "nln:";
// Entries in Redis expire a week after they were written, so the shared store cannot grow for
// ever (and an old build's entries go away by themselves).
const REDIS_TTL_SECONDS = 7 * 24 * 3600;
// At startup a request waits this long at most for the connection, so a new instance does not
// render every page itself; after that no request ever waits for Redis.
const STARTUP_WAIT_MS = 1000;
const BUILDING = process.env.NEXT_PHASE === "phase-production-build";

// One set of stores per process: Next makes a handler per request.
const g = /** @type {any} */ (globalThis);
const state = (g.__nlnCache ??= {
  pages: new LruStore({ maxBytes: memoryMb * MB }),
  notFound: new LruStore({ maxEntries: NOT_FOUND_ENTRIES, maxBytes: 8 * MB }),
  /** @type {Map<string, number>} tag -> time of its last invalidation (ms) */
  invalidated: new Map(),
  /** @type {Map<string, number>} key -> when its pending render began (ms) */
  pending: new Map(),
  /** @type {Map<string, string>} public path -> the key of its stored page or route, for the fast path */
  byPath: new Map(),
  /** The entry stored under a key, if no tag of it has been invalidated since it was made. */
  currentEntry: (key) => {
    const entry = state.pages.peek(key) ?? state.notFound.peek(key);
    return entry && !isExpired(entryTags(entry), entry.lastModified) ? entry : undefined;
  },
  redis: null,
});

// "/route-cache/APP_PAGE/<hash>/$/nyheter/x" -> "/nyheter/x"; "…/$/index" -> "/".
function publicPath(key) {
  const at = key.indexOf("/$/");
  if (at === -1 || !key.startsWith("/route-cache/APP_")) return null;
  const p = key.slice(at + 2);
  return p === "/index" ? "/" : p;
}

/** Files an entry under its key and, for pages and routes, under its public path. */
function remember(store, key, entry, size) {
  store.set(key, entry, size);
  const p = publicPath(key);
  if (p) {
    if (state.byPath.size > 20_000) state.byPath.clear();
    state.byPath.set(p, key);
  }
}

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

function buildId(serverDistDir) {
  try {
    return readFileSync(path.join(serverDistDir, "..", "BUILD_ID"), "utf8").trim();
  } catch {
    return "unknown";
  }
}

/** The process's link to Redis, made by the first handler; null without REDIS_URL and in `next build`. */
function redisLink(ctx) {
  const url = process.env.REDIS_URL;
  if (!url || BUILDING) return null;
  state.redis ??= import("./redis-link.mjs").then(
    async ({ RedisLink }) => {
      const link = new RedisLink({
        url,
        prefix: REDIS_PREFIX,
        entryPrefix: `${REDIS_PREFIX}${buildId(ctx?.serverDistDir ?? path.resolve(".next/server"))}:e:`,
        onInvalidation: noteInvalidation,
      });
      await link.whenInSync(STARTUP_WAIT_MS);
      return link;
    },
    (err) => {
      console.error(`[cache] cannot use REDIS_URL: ${err.message}`);
      return null;
    },
  );
  return state.redis;
}

/** The shared store when it can be used right now (connected and caught up), else null. */
async function sharedStore() {
  const link = await redisLink();
  return link?.inSync ? link : null;
}

export default class CacheHandler {
  constructor(ctx) {
    // Connect as early as possible, so the first request does not wait for it.
    void redisLink(ctx);
  }

  async get(key, ctx) {
    const softTags = ctx?.softTags ?? [];
    const askedTags = ctx?.tags ?? [];
    const valid = (entry) => entry && !isExpired([...entryTags(entry), ...askedTags, ...softTags], entry.lastModified);

    let entry = state.pages.get(key) ?? state.notFound.get(key);
    if (!valid(entry)) {
      entry = undefined;
      const link = await sharedStore();
      if (link) {
        try {
          const raw = await link.getEntry(key);
          const shared = raw ? decodeEntry(raw) : null;
          if (valid(shared)) {
            entry = shared;
            remember(state.pages, key, entry, entrySize(entry));
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
    if (value.status === 404 || (value.status >= 300 && value.status < 400)) {
      // Made-up addresses, and redirects (an old slug, an imported site's old address, or any
      // address with a trailing slash, each a whole page shell): kept in this process only, in
      // a store of their own, so a flood of them cannot push pages out.
      remember(state.notFound, key, entry, size);
      return;
    }
    remember(state.pages, key, entry, size);
    const link = await sharedStore();
    if (link) {
      try {
        await link.setEntry(key, encodeEntry(entry), REDIS_TTL_SECONDS);
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
    // Out of touch with Redis, the link keeps the invalidation and sends it on reconnecting.
    const link = await redisLink();
    if (link) {
      try {
        await link.invalidate(list, at);
      } catch (err) {
        console.warn(`[cache] Redis invalidation failed for ${list.join(", ")}: ${err.message}`);
      }
    }
  }

  resetRequestCache() {}
}
