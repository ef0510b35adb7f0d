import os from "node:os";

// Where sign-in may come from (better-auth's Origin check). In production only SITE_URL. In
// local mode (SITE_URL is http://localhost or http://127.0.0.1, as `npm start` sets it) the
// newsroom also works at any address of this machine on the same port: 127.0.0.1, [::1], or
// its network address when opened from a phone on the same network.

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

export function isLocalSite(siteUrl: string): boolean {
  const url = new URL(siteUrl);
  return url.protocol === "http:" && LOOPBACK.has(url.hostname);
}

/** The origins sign-in accepts, given SITE_URL and (for local mode) this machine's addresses. */
export function signInOrigins(siteUrl: string, interfaces: NodeJS.Dict<os.NetworkInterfaceInfo[]> = os.networkInterfaces()): string[] {
  const site = new URL(siteUrl);
  if (!isLocalSite(siteUrl)) return [site.origin];
  const port = site.port ? `:${site.port}` : "";
  const hosts = new Set(LOOPBACK);
  for (const info of Object.values(interfaces).flat()) {
    if (!info) continue;
    // Link-local IPv6 needs a zone id, which no browser puts in an Origin.
    if (info.family === "IPv6" && (info.scopeid ?? 0) !== 0) continue;
    hosts.add(info.family === "IPv6" ? `[${info.address}]` : info.address);
  }
  return [site.origin, ...[...hosts].map((h) => `http://${h}${port}`).filter((o) => o !== site.origin)];
}
