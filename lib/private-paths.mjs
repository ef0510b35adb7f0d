// The areas whose answers depend on who asks, in one place (decision 012). next.config marks
// them `private, no-store` and everything else public; the fast path never replays them;
// lib/csp.ts gives the staff areas a nonce policy; the shipped nginx config passes them by its
// cache (deploy/nginx, checked against this list by lib/private-paths.test.ts).
// Plain JavaScript: server.mjs's fast path imports it without a build step.

/** Rendered per request for staff: the newsroom, sign-in and the password pages. */
export const STAFF_AREAS = ["admin", "logga-in", "glomt-losenord", "nytt-losenord"];
/** Rendered per request for a reader holding a token from a mail: the e-mail alert pages (decision 020). */
export const READER_AREAS = ["bevakning"];
/** Pages rendered per request, which get the nonce policy (proxy.ts, lib/csp.ts). */
export const PER_REQUEST_AREAS = [...STAFF_AREAS, ...READER_AREAS];
/** Never stored by anyone: the per-request pages and every API. */
export const PRIVATE_AREAS = [...PER_REQUEST_AREAS, "api"];
/** Not pages at all: Next's hashed assets and our media files send their own headers. */
export const ASSET_AREAS = ["_next", "media"];

const under = (areas) => new RegExp(`^/(?:${areas.join("|")})(?:/|$)`);

/** The path is one of the staff areas or below it. */
export const STAFF_PATH = under(STAFF_AREAS);
/** The path is a page rendered per request (staff or reader). */
export const PER_REQUEST_PATH = under(PER_REQUEST_AREAS);
/** The path is private or below a private area. */
export const PRIVATE_PATH = under(PRIVATE_AREAS);
/** The path can never be a stored public page. */
export const NOT_A_STORED_PAGE = under([...ASSET_AREAS, ...PRIVATE_AREAS]);

/** next.config `headers()` source for the private areas. */
export const PRIVATE_SOURCE = `/:area(${PRIVATE_AREAS.join("|")})/:rest*`;
/** next.config `headers()` source for every other path but "/" (which Next matches apart). */
export const PUBLIC_SOURCE = `/:path((?!(?:${[...ASSET_AREAS, ...PRIVATE_AREAS].join("|")})(?:/|$)).*)`;
