// The Content-Security-Policy of every page (decision 018). Everything comes from this origin.
// Scripts:
//  - pages rendered per request (the newsroom, sign-in, password pages, previews) get a fresh
//    nonce from proxy.ts and allow only scripts carrying it ('strict-dynamic' lets those load
//    Next's chunks): no 'unsafe-inline';
//  - stored public pages are the same bytes for every reader, so they cannot carry a per-request
//    nonce, and Next's inline bootstrap scripts differ per page, so hashes cannot be listed in
//    a header fixed at build time either: they keep 'unsafe-inline' for scripts, with everything
//    else as strict as on the newsroom (no other origin, no eval, no objects, no framing). User
//    text never reaches them as HTML, which is what a nonce would otherwise guard against.
// Styles keep 'unsafe-inline' everywhere: React style attributes and the editor need it.

export const CSP_REPORT_PATH = "/api/csp-rapport";

export function contentSecurityPolicy(opts: { nonce?: string; dev?: boolean } = {}): string {
  const scripts = opts.nonce ? `'self' 'nonce-${opts.nonce}' 'strict-dynamic'` : "'self' 'unsafe-inline'";
  return [
    "default-src 'self'",
    `script-src ${scripts}${opts.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    `report-uri ${CSP_REPORT_PATH}`,
  ].join("; ");
}

/** 16 random bytes, base64: unguessable and new for every request. */
export function newNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}

/** Paths rendered per request (staff, and readers' alert pages), which get the nonce policy (proxy.ts). */
export { PER_REQUEST_PATH as NONCE_PATHS } from "./private-paths.mjs";
