// The production server: Next's request handler behind the fast path for stored pages
// (lib/cache-handler/fast-path.mjs, decision 015). It takes `next start`'s place, with the
// same options: `node server.mjs -H 127.0.0.1 -p 3000` (or HOST and PORT).
import { readFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import next from "next";
import { FastPath } from "./lib/cache-handler/fast-path.mjs";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "./lib/client-address.mjs";
import { oldAddressRewrite } from "./lib/old-address.mjs";
import { databaseRecentlyDown, OUTAGE_PAGE, RETRY_AFTER_SECONDS } from "./lib/outage.mjs";
import { isServerActionPost, multipartBoundary, multipartFramed, REFUSAL_TEXT, refusal } from "./lib/request-guard.mjs";
import { mayBeStoredPage, withoutRuntime } from "./lib/runtime-free.mjs";

// Any path no route matches: Next answers it with the site's whole 404 page.
const NOT_FOUND_PATH = "/_finns-inte";

const { values } = parseArgs({ options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } }, strict: false });
const hostname = String(values.hostname ?? process.env.HOST ?? "0.0.0.0");
const port = Number(values.port ?? process.env.PORT ?? 3000);
process.env.PORT = String(port); // the scheduler calls this same server (lib/env.ts ownOrigin)

// lib/env.ts validates it too; this process reads it before Next is loaded.
let proxies;
try {
  proxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
} catch (err) {
  console.error(`Invalid configuration: TRUSTED_PROXIES ${err.message}`);
  process.exit(1);
}

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

// HSTS whenever the site is served over https (SITE_URL), whoever terminates TLS.
const hsts = String(process.env.SITE_URL ?? "").startsWith("https://");

// The server actions this build has: a request for any other (a page from an older deploy, or a
// made-up id) gets a Swedish 404 here instead of an error in the log.
const actions = (() => {
  try {
    const manifest = JSON.parse(readFileSync(path.join(import.meta.dirname, ".next/server/server-reference-manifest.json"), "utf8"));
    return new Set([...Object.keys(manifest.node ?? {}), ...Object.keys(manifest.edge ?? {})]);
  } catch {
    return null; // no build to read: leave it to Next
  }
})();

const fast = new FastPath();
const server = http.createServer((req, res) => {
  // The one place that decides who the client is (decision 016); a client-sent copy is dropped.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
  if (hsts) res.setHeader("strict-transport-security", "max-age=31536000");
  // Bad requests get their 4xx here instead of a 500 from Next (lib/request-guard.mjs).
  const refused = refusal(req);
  if (refused?.notFoundPage) {
    req.url = NOT_FOUND_PATH;
  } else if (refused) {
    refuse(req, res, refused.status, refused.headers);
    return;
  } else {
    // A slashed path or `/?p=ID` may be an imported site's old address (lib/old-address.mjs):
    // the old-address route answers it in one 308, or as Next would have (decision 023).
    req.url = oldAddressRewrite(req.method, String(req.url)) ?? req.url;
  }
  const action = req.headers["next-action"];
  if (req.method === "POST" && action !== undefined && actions && !actions.has(String(action))) {
    refuse(req, res, 404, {}, UNKNOWN_ACTION);
    return;
  }
  // A form posted to a page whose body is not framed as its Content-Type says: 400, not the
  // 500 Next answers when it cannot parse it. Only the first chunk is looked at, then put back.
  if (req.method === "POST" && /^\s*multipart\/form-data/i.test(String(req.headers["content-type"] ?? "")) && isServerActionPost("POST", String(req.url).split("?", 1)[0], req.headers)) {
    const boundary = multipartBoundary(req.headers["content-type"]);
    if (!boundary) {
      refuse(req, res, 400);
      return;
    }
    peek(req, (head) => {
      const length = Number(req.headers["content-length"]);
      if (!head || !multipartFramed(boundary, head, Number.isFinite(length) && head.length >= length)) refuse(req, res, 400);
      else pass(req, res);
    });
    return;
  }
  pass(req, res);
});

/** The first chunk of a request body (put back for whoever reads next), or null if there is none. */
function peek(req, then) {
  const done = (chunk) => {
    req.off("readable", onReadable).off("end", onEnd);
    if (chunk) req.unshift(chunk);
    then(chunk);
  };
  const onReadable = () => done(req.read());
  const onEnd = () => done(null);
  req.once("readable", onReadable).once("end", onEnd);
}

const UNKNOWN_ACTION = "Formuläret hör till en äldre version av sidan. Ladda om sidan och försök igen; det du skrev kan behöva skrivas in igen.\n";

function refuse(req, res, status, headers = {}, text = undefined) {
  const body = text ?? REFUSAL_TEXT[status] ?? "";
  res.writeHead(status, { ...headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(body), ...(status === 400 && req.method === "POST" ? { connection: "close" } : {}) });
  res.end(req.method === "HEAD" ? undefined : body);
}

function pass(req, res) {
  if (fast.serve(req, res)) return;
  fast.watch(req, res);
  // An error page while the database does not answer is an outage, not a bug: a 503 with
  // Retry-After and a whole page of our own in place of Next's (which is empty without JS).
  // write/end are wrapped before Next's compression captures them, so its bytes pass here too.
  const { writeHead, write, end } = res;
  let outage = false;
  res.writeHead = function (status, ...rest) {
    if (status !== 500 || !databaseRecentlyDown() || req.method === "POST") return writeHead.call(this, status, ...rest);
    outage = true;
    for (const name of ["content-encoding", "content-length", "etag", "vary", "transfer-encoding"]) this.removeHeader(name);
    return writeHead.call(this, 503, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store", "retry-after": String(RETRY_AFTER_SECONDS), "content-length": Buffer.byteLength(OUTAGE_PAGE) });
  };
  res.write = function (chunk, encoding, callback) {
    if (!outage) return write.call(this, chunk, encoding, callback);
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    if (!outage) return end.call(this, chunk, encoding, callback);
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    return end.call(this, req.method === "HEAD" ? undefined : OUTAGE_PAGE, done);
  };
  // A public page leaves without Next's scripts (decision 027); installed last, so the wrappers
  // above see the bytes that are sent.
  if (mayBeStoredPage(req)) withoutRuntime(req, res);
  void handle(req, res);
}

// CONNECT is no request for a page: Node would close the socket without a word.
server.on("connect", (_req, socket) => socket.end("HTTP/1.1 405 Method Not Allowed\r\nAllow: GET, HEAD, POST\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
// As `next start`: keep-alive a little longer than the usual proxies' upstream idle time.
server.keepAliveTimeout = 5_000;
server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));

let closing = false;
const shutdown = () => {
  if (closing) return;
  closing = true;
  server.close(() => void app.close().finally(() => process.exit(0)));
  server.closeIdleConnections();
  // Requests in flight get a few seconds; then the process ends anyway.
  setTimeout(() => process.exit(0), 5_000).unref();
};
process.on("SIGTERM", shutdown);
process.on("SIGINT", shutdown);
