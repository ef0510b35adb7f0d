// The production server: Next's request handler behind the fast path for stored pages
// (lib/cache-handler/fast-path.mjs, decision 015). It takes `next start`'s place, with the
// same options: `node server.mjs -H 127.0.0.1 -p 3000` (or HOST and PORT).
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { FastPath } from "./lib/cache-handler/fast-path.mjs";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "./lib/client-address.mjs";
import { databaseRecentlyDown, RETRY_AFTER_SECONDS } from "./lib/outage.mjs";
import { REFUSAL_TEXT, refusal } from "./lib/request-guard.mjs";

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

const fast = new FastPath();
const server = http.createServer((req, res) => {
  // The one place that decides who the client is (decision 016); a client-sent copy is dropped.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress(req.socket.remoteAddress, req.headers["x-forwarded-for"], proxies);
  // Bad requests get their 4xx here instead of a 500 from Next (lib/request-guard.mjs).
  const refused = refusal(req);
  if (refused?.notFoundPage) {
    req.url = NOT_FOUND_PATH;
  } else if (refused) {
    const body = REFUSAL_TEXT[refused.status] ?? "";
    res.writeHead(refused.status, { ...refused.headers, "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(body) });
    res.end(req.method === "HEAD" ? undefined : body);
    return;
  }
  if (fast.serve(req, res)) return;
  fast.watch(req, res);
  // An error page while the database does not answer is an outage, not a bug: 503, try later.
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (status === 500 && databaseRecentlyDown()) {
      status = 503;
      this.setHeader("retry-after", String(RETRY_AFTER_SECONDS));
    }
    return writeHead.call(this, status, ...rest);
  };
  void handle(req, res);
});
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
