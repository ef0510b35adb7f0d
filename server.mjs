// The production server: Next's request handler behind the fast path for stored pages
// (lib/cache-handler/fast-path.mjs, decision 015). It takes `next start`'s place, with the
// same options: `node server.mjs -H 127.0.0.1 -p 3000` (or HOST and PORT).
import http from "node:http";
import { parseArgs } from "node:util";
import next from "next";
import { FastPath } from "./lib/cache-handler/fast-path.mjs";

const { values } = parseArgs({ options: { hostname: { type: "string", short: "H" }, port: { type: "string", short: "p" } }, strict: false });
const hostname = String(values.hostname ?? process.env.HOST ?? "0.0.0.0");
const port = Number(values.port ?? process.env.PORT ?? 3000);
process.env.PORT = String(port); // the scheduler calls this same server (lib/env.ts ownOrigin)

const app = next({ dev: false, hostname, port, dir: import.meta.dirname });
const handle = app.getRequestHandler();
await app.prepare();

const fast = new FastPath();
const server = http.createServer((req, res) => {
  if (fast.serve(req, res)) return;
  fast.watch(req, res);
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
