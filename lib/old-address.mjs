// Old addresses of an imported site (WordPress permalinks such as /2021/05/ny-saluhall/ and
// /?p=123, stored in path_redirect) answer 308 to where the content is now (decision 023).
// They are looked up only for requests no page answers itself (a path with a trailing slash,
// which Next would redirect to the bare path, and the home page with `?p=ID`): server.mjs hands
// those to the route app/(site)/gammal-adress/[...adress]; every other request, a stored page
// above all, never gets here. Plain JavaScript: server.mjs imports it.
import { NOT_A_STORED_PAGE } from "./private-paths.mjs";

/** The route server.mjs hands such a request to. */
export const OLD_ADDRESS_SEGMENT = "gammal-adress";
/** …followed by this segment: the address ended with a slash (WordPress's permalinks do). */
export const SLASHED = "snedstreck";
/** …or by one of these: the address was the site root with `?p=ID` or `?page_id=ID`. */
export const ID_QUERIES = ["p", "page_id"];

function decodeSafe(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The key an old address is stored and looked up under, from its path segments as they come
 * (Next hands a catch-all's segments on still percent-encoded, in the case the client chose):
 * each segment decoded and percent-encoded one way, no trailing slash ("/2021/05/k%C3%B6p").
 * Null for none, or for a segment that does not decode.
 */
export function oldAddressKey(segments) {
  const parts = segments.filter((s) => s !== "").map(decodeSafe);
  if (parts.length === 0 || parts.includes(null)) return null;
  try {
    return `/${parts.map((s) => encodeURIComponent(s)).join("/")}`;
  } catch {
    return null; // a lone surrogate: no address anyone stored
  }
}

/** The key of an old site's link ("https://gamla.lerum.se/2021/05/köp/?x" → "/2021/05/k%C3%B6p"). */
export function oldAddressKeyOfUrl(link) {
  let url;
  try {
    url = new URL(link);
  } catch {
    return null;
  }
  if (url.pathname === "/") {
    for (const name of ID_QUERIES) {
      const id = url.searchParams.get(name);
      if (id && /^\d{1,18}$/.test(id)) return idKey(name, id);
    }
    return null;
  }
  return oldAddressKey(url.pathname.split("/"));
}

export const idKey = (name, id) => `/?${name}=${id}`;

/**
 * Where server.mjs hands a GET or HEAD request that Next would otherwise answer with its own
 * redirect or the home page: a path with a trailing slash (Next's 308 to the path without it
 * would make an old permalink take two hops), or `/?p=ID`. Null for every other request.
 */
export function oldAddressRewrite(method, url) {
  if (method !== "GET" && method !== "HEAD") return null;
  const q = url.indexOf("?");
  const pathname = q === -1 ? url : url.slice(0, q);
  const search = q === -1 ? "" : url.slice(q + 1);
  if (pathname === "/") {
    const params = new URLSearchParams(search);
    const names = [...params.keys()];
    if (names.length !== 1 || !ID_QUERIES.includes(names[0])) return null;
    const id = params.get(names[0]);
    return /^\d{1,18}$/.test(id) ? `/${OLD_ADDRESS_SEGMENT}/${names[0]}/${id}` : null;
  }
  if (search || !pathname.endsWith("/") || pathname.startsWith("//") || NOT_A_STORED_PAGE.test(pathname)) return null;
  return `/${OLD_ADDRESS_SEGMENT}/${SLASHED}${pathname.replace(/\/+$/, "")}`;
}

/**
 * What the route's segments (after /gammal-adress) ask for: the key to look up, and where to
 * send the reader when there is none: the path without its slash, as Next would have, or the
 * home page that `/?p=ID` always showed. Null for segments server.mjs never makes (a 404).
 */
export function oldAddressRequest(segments) {
  const [how, ...rest] = segments;
  if (ID_QUERIES.includes(how) && rest.length === 1 && /^\d{1,18}$/.test(rest[0])) return { key: idKey(how, rest[0]), otherwise: "/" };
  if (how !== SLASHED) return null;
  const key = oldAddressKey(rest);
  return key ? { key, otherwise: key } : null;
}
