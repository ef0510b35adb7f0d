// State-changing route handlers accept requests only from our own pages: the browser's
// Origin header must name this site. Server actions get the same check from Next itself.

export function isSameOrigin(request: Request, siteUrl: string): boolean {
  const origin = request.headers.get("origin");
  if (!origin) return false;
  const own = new Set([new URL(siteUrl).origin, new URL(request.url).origin]);
  const host = request.headers.get("host");
  if (host) own.add(`${new URL(request.url).protocol}//${host}`);
  return own.has(origin);
}
