import type { NextConfig } from "next";

const dev = process.env.NODE_ENV === "development";

// Everything the public site loads comes from this origin: no fonts, scripts or images
// from anywhere else. Next's inline bootstrap scripts need 'unsafe-inline' without nonces.
const csp = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${dev ? " 'unsafe-eval'" : ""}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const config: NextConfig = {
  poweredByHeader: false,
  // Cached data lives in memory only: a restart (or another database) starts from fresh
  // data instead of reading entries a previous process left in .next/cache.
  // authInterrupts: forbidden() answers 403 in the newsroom.
  experimental: { isrFlushToDisk: false, authInterrupts: true },
  images: {
    localPatterns: [{ pathname: "/media/**", search: "" }],
    formats: ["image/webp"],
    minimumCacheTTL: 31536000,
  },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "Content-Security-Policy", value: csp },
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), interest-cohort=()" },
        ],
      },
    ];
  },
};

export default config;
