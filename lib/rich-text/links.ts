// Links in user-written documents may only point at the web, at e-mail or at a phone number,
// or at a path on this site. Everything else (javascript:, data:, protocol-relative //host)
// is dropped and the text is shown without a link.
const ALLOWED_PROTOCOLS = new Set(["http:", "https:", "mailto:", "tel:"]);

export function safeHref(raw: string | undefined | null): string | null {
  if (typeof raw !== "string") return null;
  const href = raw.trim();
  if (href === "" || /[\u0000-\u001f\u007f]/.test(href)) return null;
  if (href.startsWith("/") && !href.startsWith("//") && !href.startsWith("/\\")) return href;
  if (href.startsWith("#")) return href;
  try {
    const url = new URL(href);
    return ALLOWED_PROTOCOLS.has(url.protocol) ? url.toString() : null;
  } catch {
    return null;
  }
}

export function isExternalHref(href: string): boolean {
  return /^https?:\/\//i.test(href);
}
