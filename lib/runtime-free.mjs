// Public stored pages leave without the React runtime (decision 027). Their only interactive
// parts are forms that post without JavaScript (React renders a server action's form as a plain
// multipart POST) and a copy-link button that public/js/site.js wires up. Next still renders
// them; server.mjs runs their HTML through `withoutRuntime` before it is sent, stored by the
// fast path or by a proxy, so a reader's phone downloads and runs none of Next's chunks.
//
// What goes: every <script> but JSON-LD and the site's own script (data-site-script), and the
// <link rel="preload" as="script"> / modulepreload hints for them. What stays: everything else.
// A page whose HTML still needs React to be complete (a Suspense boundary streamed after the
// shell, revealed by React's $RC/$RS scripts) is left as it is: losing its runtime would hide
// content. Plain JavaScript: server.mjs loads it without a compiler.
import { gzip } from "node:zlib";
import { DIFFERENT_ANSWER_HEADERS } from "./cache-handler/fast-path.mjs";
import { NOT_A_STORED_PAGE } from "./private-paths.mjs";

const SCRIPT = /<script\b([^>]*)>[\s\S]*?<\/script\s*>/gi;
const SCRIPT_HINT = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*>/gi;
const KEPT_SCRIPT = /\btype="application\/ld\+json"|\bdata-site-script\b/i;
// React completes a streamed Suspense boundary with these inline calls, or shows it in place of a hidden segment.
const STREAMED = /\$R[CSX]\s*\(|<div hidden id="S:/;

/** The page's HTML without Next's scripts, or null if the page cannot do without them. */
export function stripRuntime(html) {
  if (STREAMED.test(html)) return null;
  return html.replace(SCRIPT, (tag, attrs) => (KEPT_SCRIPT.test(attrs) ? tag : "")).replace(SCRIPT_HINT, "");
}

/**
 * A GET that may be answered by a public stored page: not an asset, a file, an API or a private
 * area, and none of the headers that make Next answer with something else (an RSC payload, a
 * prefetch), the same the fast path refuses to replay for.
 */
export function mayBeStoredPage(req) {
  if (req.method !== "GET") return false;
  const path = String(req.url ?? "/").split("?", 1)[0];
  if (NOT_A_STORED_PAGE.test(path) || /\.[A-Za-z0-9]+$/.test(path)) return false;
  return !DIFFERENT_ANSWER_HEADERS.some((h) => req.headers[h] !== undefined);
}

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|javascript|[a-z.+-]*\+(?:json|xml)))/i;

/**
 * Makes `res` hold Next's answer until it ends, then send it once: a public HTML page without its
 * runtime, and compressed here (Next is asked for it uncompressed, so it can be rewritten).
 * Called after the wrappers that must see the final bytes (the fast path, the outage page).
 */
export function withoutRuntime(req, res) {
  const accepted = String(req.headers["accept-encoding"] ?? "");
  delete req.headers["accept-encoding"];
  const { writeHead, write, end } = res;
  const chunks = [];
  let status;
  res.writeHead = function (code, ...rest) {
    status = code;
    const headers = rest.find((r) => r && typeof r === "object");
    if (Array.isArray(headers)) for (let i = 0; i + 1 < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1]);
    else if (headers) for (const [k, v] of Object.entries(headers)) if (v !== undefined) this.setHeader(k, v);
    return this;
  };
  res.flushHeaders = () => {};
  res.write = function (chunk, encoding, callback) {
    if (chunk) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    (typeof encoding === "function" ? encoding : callback)?.();
    return true;
  };
  res.end = function (chunk, encoding, callback) {
    const done = [chunk, encoding, callback].find((a) => typeof a === "function");
    if (chunk && typeof chunk !== "function") chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk, typeof encoding === "string" ? encoding : "utf8"));
    res.write = write;
    res.writeHead = writeHead;
    res.end = end;
    status ??= res.statusCode;
    let body = Buffer.concat(chunks);
    const type = String(res.getHeader("content-type") ?? "");
    const cacheControl = String(res.getHeader("cache-control") ?? "");
    // A public page, or any 404 (Next marks the one for an address no route matches no-store).
    if (((status === 200 && cacheControl.startsWith("public")) || status === 404) && type.startsWith("text/html") && !res.getHeader("content-encoding")) {
      const stripped = stripRuntime(body.toString("utf8"));
      if (stripped !== null) body = Buffer.from(stripped, "utf8");
    }
    if (COMPRESSIBLE.test(type)) {
      const vary = String(res.getHeader("vary") ?? "");
      if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    }
    res.removeHeader("transfer-encoding");
    const send = (sent) => {
      if (status !== 304 && status !== 204) res.setHeader("content-length", sent.length);
      writeHead.call(res, status);
      end.call(res, sent.length ? sent : undefined, done);
    };
    // Compressed off the event loop: per-request pages (a search) pass here on every request.
    if (body.length > 860 && /\bgzip\b/.test(accepted) && COMPRESSIBLE.test(type) && !res.getHeader("content-encoding")) {
      res.setHeader("content-encoding", "gzip");
      gzip(body, (err, zipped) => {
        if (err) res.removeHeader("content-encoding");
        send(err ? body : zipped);
      });
    } else send(body);
    return res;
  };
}
