import path from "node:path";
import type { NextConfig } from "next";
import { PHASE_PRODUCTION_BUILD } from "next/constants";
import { contentSecurityPolicy } from "./lib/csp";
import { PRIVATE_SOURCE, PUBLIC_SOURCE } from "./lib/private-paths.mjs";
import { SEARCH_PARAM_KEYS } from "./lib/search-keys";

const dev = process.env.NODE_ENV === "development";

// Stored pages' policy (lib/csp.ts); pages rendered per request get a nonce policy from proxy.ts.
const csp = contentSecurityPolicy({ dev });

// Public pages are stored pages (decision 012): shared caches may keep them for a second and
// serve them stale while fetching the new version, so a publish shows through a proxy within
// about two seconds. Browsers revalidate every time (cheap: the server answers from its cache).
const PUBLIC_CACHE = "public, max-age=0, s-maxage=1, stale-while-revalidate=30, stale-if-error=86400";
const PRIVATE = "private, no-store";

const config: NextConfig = {
  poweredByHeader: false,
  // Every page, route body and unstable_cache entry lives in our handler: in memory, or in
  // Redis shared by every instance when REDIS_URL is set. Next's own memory cache is off.
  cacheHandler: path.resolve("lib/cache-handler/cache-handler.mjs"),
  cacheMaxMemorySize: 0,
  // authInterrupts: forbidden() answers 403 in the newsroom.
  // Not inlineCss: tried for issue 13, it gave the start page and interviews a layout shift of
  // 0.23 in Lighthouse (text painted before the font, then moved) and no earlier LCP.
  experimental: { authInterrupts: true },
  images: {
    localPatterns: [{ pathname: "/media/**", search: "" }],
    formats: ["image/webp"],
    minimumCacheTTL: 31536000,
  },
  // `/sok` with a query is the search itself, rendered per request at /sok/resultat; without
  // one it is a stored page like any other. A rewrite here stays inside the server: one from
  // proxy.ts whose origin differs from the server's own (the Host of a proxied request) is sent
  // on as a new HTTP request, which cost every search a second request and, under load, an
  // occasional reset connection (a 500).
  async rewrites() {
    return {
      beforeFiles: SEARCH_PARAM_KEYS.map((key) => ({ source: "/sok", has: [{ type: "query" as const, key }], destination: "/sok/resultat" })),
      afterFiles: [],
      fallback: [],
    };
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
      // Public pages, unless the visitor is in the newsroom's preview (draft mode).
      // Paths whose answers depend on who asks are never stored by anyone (lib/private-paths.mjs);
      // Next's hashed assets and our media files send their own headers.
      ...["/", PUBLIC_SOURCE].flatMap((source) => [
        { source, headers: [{ key: "Content-Security-Policy", value: csp }] },
        { source, missing: [{ type: "cookie" as const, key: "__prerender_bypass" }], headers: [{ key: "Cache-Control", value: PUBLIC_CACHE }] },
        { source, has: [{ type: "cookie" as const, key: "__prerender_bypass" }], headers: [{ key: "Cache-Control", value: PRIVATE }] },
      ]),
      { source: PRIVATE_SOURCE, headers: [{ key: "Cache-Control", value: PRIVATE }] },
    ];
  },
};

export default function nextConfig(phase: string): NextConfig {
  // The build renders the static routes once (their output is never served, decision 012), so
  // it needs a database with our schema; an empty one will do.
  if (phase === PHASE_PRODUCTION_BUILD && !process.env.DATABASE_URL) {
    throw new Error("Invalid configuration: DATABASE_URL must be set for next build (a database with the schema; an empty one will do)");
  }
  return config;
}
