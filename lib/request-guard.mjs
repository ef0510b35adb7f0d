// Requests the site can refuse before Next sees them, each with the status it deserves instead
// of the 500 Next would answer (decision 017). server.mjs asks `refusal(req)` first; null means
// "pass it on". Plain JavaScript: server.mjs loads it without a compiler.
//
//  - A method the site does not serve: 405 with Allow. The site serves GET, HEAD and POST
//    (pages, route handlers, server actions); OPTIONS gets its 204 with Allow here as well.
//  - A request target that is not a path ("GET *", "GET http://…" from a client that is no
//    proxy): 400.
//  - A path whose percent-encoding does not decode to UTF-8 ("/nyheter/%zz", "/nyheter/%C3"):
//    404, rendered by Next as the site's 404 page (server.mjs asks Next for it).
//  - A server action (a POST with a Next-Action header, or a form posted to a page) from a
//    foreign Origin: 403. Next refuses those too, but with a 500 and an error in the log.

export const ALLOWED_METHODS = ["GET", "HEAD", "POST", "OPTIONS"];
const ALLOW = "GET, HEAD, POST";

/** Whether every percent-escape in the path decodes, segment by segment, to valid UTF-8. */
export function pathDecodes(path) {
  for (const segment of path.split("/")) {
    if (!segment.includes("%")) continue;
    try {
      decodeURIComponent(segment);
    } catch {
      return false;
    }
  }
  return true;
}

const FORM_TYPES = /^\s*(?:multipart\/form-data|application\/x-www-form-urlencoded|text\/plain)\b/i;

/** A POST that Next would treat as a server action: its header, or a form posted to a page. */
export function isServerActionPost(method, path, headers) {
  if (method !== "POST") return false;
  if (headers["next-action"] !== undefined) return true;
  return !path.startsWith("/api/") && FORM_TYPES.test(String(headers["content-type"] ?? ""));
}

/** The host the browser asked for, as Next compares it with Origin. */
function requestHost(headers) {
  const forwarded = headers["x-forwarded-host"];
  const host = (Array.isArray(forwarded) ? forwarded[0] : forwarded)?.split(",")[0]?.trim() || headers.host;
  return String(host ?? "").toLowerCase();
}

function originHost(origin) {
  if (origin === undefined) return undefined;
  try {
    const url = new URL(String(origin));
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null; // "null" (a sandboxed frame or a privacy redirect) and garbage alike
  }
}

/**
 * What to answer instead of passing the request to Next, or null.
 * `{ status, headers?, notFoundPage? }`: notFoundPage asks the caller for the site's 404 page.
 */
export function refusal(req) {
  const method = String(req.method ?? "").toUpperCase();
  if (method === "OPTIONS") return { status: 204, headers: { allow: ALLOW } };
  if (!ALLOWED_METHODS.includes(method)) return { status: 405, headers: { allow: ALLOW } };
  const target = String(req.url ?? "");
  if (!target.startsWith("/") || target.startsWith("//")) return { status: 400 };
  const path = target.split("?", 1)[0];
  if (!pathDecodes(path)) return { status: 404, notFoundPage: true };
  if (isServerActionPost(method, path, req.headers)) {
    const origin = originHost(req.headers.origin);
    // No Origin at all: an old client or a script, and Next decides as it always has.
    if (origin !== undefined && origin !== requestHost(req.headers)) return { status: 403 };
  }
  return null;
}

/** The short plain-text answers for refusals without a page. */
export const REFUSAL_TEXT = {
  204: "",
  400: "Felaktig begäran.\n",
  403: "Formuläret skickades från en annan webbplats och togs inte emot.\n",
  405: "Metoden stöds inte här.\n",
};

/** The boundary of a multipart/form-data Content-Type, or null when it has none. */
export function multipartBoundary(contentType) {
  const m = /^\s*multipart\/form-data\s*;(?:.*;)?\s*boundary=(?:"([^"]{1,70})"|([^\s;"]{1,70}))/i.exec(String(contentType ?? ""));
  return m ? (m[1] ?? m[2]) : null;
}

/**
 * Whether the start of a form body (and, when it is all there, its end) is framed as its
 * Content-Type says: Next answers 500 to a body it cannot parse as FormData, so such a body is
 * answered 400 here. `whole` says `head` is the entire body.
 */
export function multipartFramed(boundary, head, whole) {
  const text = head.subarray(0, Math.min(head.length, 4096)).toString("latin1");
  const delimiter = `--${boundary}`;
  if (!text.replace(/^(\r\n)+/, "").startsWith(delimiter)) return false;
  if (!whole) return true;
  return head.toString("latin1").trimEnd().endsWith(`${delimiter}--`);
}
