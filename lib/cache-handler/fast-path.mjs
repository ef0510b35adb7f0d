// The fast path for stored pages (decision 015). Next answers a cache hit in about 3 ms of CPU:
// routing, its request pipeline and a fresh gzip of the page on every request. This answers a
// repeated anonymous GET of a stored page with the bytes Next sent for it before, as long as
// the cache handler still holds that very render and no tag of it has been invalidated since;
// everything else, and the first request for each page, goes to Next.
//
// It never decides what a page is: it replays what Next answered, for requests that cannot
// differ from the one that was answered (no query string, no cookie that changes the answer,
// no RSC or server-action headers), keyed by path and by the encodings the client accepts.
import { createHash } from "node:crypto";
import { LruStore } from "./lru-store.mjs";
import { NOT_A_STORED_PAGE } from "../private-paths.mjs";

const g = /** @type {any} */ (globalThis);

// Headers Next varies its answer on (see the Vary it sends) or that make it dynamic.
export const DIFFERENT_ANSWER_HEADERS = ["rsc", "next-router-prefetch", "next-router-state-tree", "next-router-segment-prefetch", "next-action", "next-url", "x-nextjs-data", "purpose"];
// Cookies that change the answer: draft mode (the newsroom's preview).
const DIFFERENT_ANSWER_COOKIES = /(^|;\s*)(__prerender_bypass|__next_preview_data)=/;
// Not replayed: they describe the connection or this one response.
const DROP = new Set(["connection", "keep-alive", "transfer-encoding", "date", "content-length", "x-nextjs-cache", "etag"]);

function encodingClass(req) {
  const accepted = String(req.headers["accept-encoding"] ?? "");
  return `${/\bbr\b/.test(accepted) ? "b" : ""}${/\bgzip\b/.test(accepted) ? "g" : ""}`;
}

/** Whether this request's answer can only be the one every anonymous reader of the path gets. */
function eligible(req) {
  if (req.method !== "GET" && req.method !== "HEAD") return false;
  const url = req.url ?? "";
  if (url.includes("?") || NOT_A_STORED_PAGE.test(url)) return false;
  for (const h of DIFFERENT_ANSWER_HEADERS) if (req.headers[h] !== undefined) return false;
  const cookie = req.headers.cookie;
  return !(cookie && DIFFERENT_ANSWER_COOKIES.test(cookie));
}

export class FastPath {
  constructor({ maxBytes = 32 * 1024 * 1024 } = {}) {
    this.pages = new LruStore({ maxBytes });
    // 404s of made-up addresses apart, as in the cache handler, so a flood cannot evict pages.
    this.notFound = new LruStore({ maxEntries: 500, maxBytes: 4 * 1024 * 1024 });
  }

  /** Answers from a stored response and returns true, or returns false for Next to answer. */
  serve(req, res) {
    if (!eligible(req)) return false;
    const key = `${encodingClass(req)} ${req.url}`;
    const stored = this.pages.get(key) ?? this.notFound.get(key);
    if (!stored) return false;
    if (!stillCurrent(stored)) {
      this.pages.delete(key);
      this.notFound.delete(key);
      return false;
    }
    if (req.headers["if-none-match"] === stored.etag) {
      res.writeHead(304, { etag: stored.etag, "cache-control": stored.headers["cache-control"] ?? "", vary: stored.headers.vary ?? "" });
      res.end();
      return true;
    }
    res.writeHead(stored.status, { ...stored.headers, etag: stored.etag, "content-length": stored.body.length, "x-nextjs-cache": "HIT" });
    res.end(req.method === "HEAD" ? undefined : stored.body);
    return true;
  }

  /** Watches Next answer an eligible request, and keeps the answer if it is a stored page's. */
  watch(req, res) {
    if (!eligible(req)) return;
    const key = `${encodingClass(req)} ${req.url}`;
    const path = decodeURIComponentSafe(req.url ?? "/");
    const chunks = [];
    const write = res.write;
    const end = res.end;
    const writeHead = res.writeHead;
    // Headers given to writeHead() are sent but not kept where getHeaders() finds them.
    const given = {};
    res.writeHead = function (status, ...rest) {
      const headers = rest.find((r) => r && typeof r === "object");
      if (headers && !Array.isArray(headers)) for (const [k, v] of Object.entries(headers)) given[k.toLowerCase()] = v;
      return writeHead.call(this, status, ...rest);
    };
    res.write = function (chunk, ...rest) {
      if (chunk) chunks.push(toBuffer(chunk, rest[0]));
      return write.call(this, chunk, ...rest);
    };
    res.end = (chunk, ...rest) => {
      if (chunk && typeof chunk !== "function") chunks.push(toBuffer(chunk, rest[0]));
      const result = end.call(res, chunk, ...rest);
      this.#keep(key, path, req, res, chunks, given);
      return result;
    };
  }

  #keep(key, path, req, res, chunks, given) {
    if (req.method !== "GET" || (res.statusCode !== 200 && res.statusCode !== 404)) return;
    const headers = { ...res.getHeaders(), ...given };
    const cached = headers["x-nextjs-cache"];
    const cacheControl = String(headers["cache-control"] ?? "");
    // Only what Next served as a stored page, public, and setting nothing in the browser.
    if ((cached !== "HIT" && cached !== "MISS" && cached !== "STALE") || !cacheControl.startsWith("public") || headers["set-cookie"]) return;
    const state = g.__nlnCache;
    const entryKey = state?.byPath?.get(path);
    const entry = entryKey && state.currentEntry(entryKey);
    if (!entry) return;
    const body = Buffer.concat(chunks);
    const replay = {};
    for (const [name, value] of Object.entries(headers)) if (!DROP.has(name) && value !== undefined) replay[name] = value;
    const etag = `"${createHash("sha1").update(body).digest("base64url").slice(0, 22)}"`;
    const store = res.statusCode === 404 ? this.notFound : this.pages;
    // Only the entry's key and time: the render itself stays the cache handler's to keep or drop.
    const revalidate = entry.cacheControl?.revalidate;
    store.set(key, { status: res.statusCode, headers: replay, body, etag, entryKey, lastModified: entry.lastModified, revalidate }, body.length + 1024);
  }
}

/** The render an answer came from is still the one the cache handler holds, and current. */
function stillCurrent(stored) {
  const entry = g.__nlnCache?.currentEntry(stored.entryKey);
  if (!entry || entry.lastModified !== stored.lastModified) return false;
  // A page with a lifetime (feeds, sitemaps) goes back to Next once it is due, to be made again.
  return typeof stored.revalidate !== "number" || Date.now() - stored.lastModified < stored.revalidate * 1000;
}

function toBuffer(chunk, encoding) {
  return Buffer.isBuffer(chunk) ? chunk : typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8") : Buffer.from(chunk);
}

function decodeURIComponentSafe(url) {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}
