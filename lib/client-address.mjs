// The client's address, decided in one place (decision 016). server.mjs asks this module once
// per request and hands the answer to the app in CLIENT_ADDRESS_HEADER, after deleting whatever
// a client sent under that name; the app reads nothing else (lib/request-client.ts).
//
// The rule: the address of the socket, unless that socket comes from a proxy named in
// TRUSTED_PROXIES. Then X-Forwarded-For is read from the right, each entry a hop closer to the
// client, skipping proxies we trust; the first address we do not trust is the client. Entries
// left of it were written by someone we do not trust and are never believed. Plain JavaScript:
// server.mjs loads it without a compiler.
import net from "node:net";

export const CLIENT_ADDRESS_HEADER = "x-nln-client-address";

/** `::ffff:127.0.0.1` (an IPv4 client on a dual-stack socket) is 127.0.0.1. */
export function normaliseAddress(address) {
  if (typeof address !== "string") return null;
  let a = address.trim();
  // "[2001:db8::1]:443" or "192.0.2.1:51234", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(?:\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  const family = net.isIP(a);
  if (family === 0) return null;
  return family === 6 ? a.toLowerCase() : a;
}

/**
 * Parses TRUSTED_PROXIES: addresses and CIDR ranges, separated by commas or spaces
 * ("127.0.0.1, 10.0.0.0/8, ::1"). Throws an Error naming the first bad entry.
 */
export function parseTrustedProxies(value) {
  const list = new net.BlockList();
  const entries = String(value ?? "").split(/[\s,]+/).filter(Boolean);
  for (const entry of entries) {
    const [address, bits, extra] = entry.split("/");
    const normalised = normaliseAddress(address);
    const type = normalised && net.isIP(normalised) === 6 ? "ipv6" : "ipv4";
    const max = type === "ipv6" ? 128 : 32;
    if (!normalised || extra !== undefined || (bits !== undefined && !(/^\d{1,3}$/.test(bits) && Number(bits) <= max))) {
      throw new Error(`"${entry}" is not an IP address or a CIDR range such as 10.0.0.0/8`);
    }
    if (bits === undefined) list.addAddress(normalised, type);
    else list.addSubnet(normalised, Number(bits), type);
  }
  return { list, size: entries.length };
}

function trusted(proxies, address) {
  return proxies.size > 0 && proxies.list.check(address, net.isIP(address) === 6 ? "ipv6" : "ipv4");
}

/**
 * The client's address for a request that arrived on a socket from `socketAddress` with this
 * X-Forwarded-For (a string, an array of header lines, or nothing). "unknown" only when the
 * socket has no address (a closed socket).
 */
export function clientAddress(socketAddress, forwardedFor, proxies) {
  const peer = normaliseAddress(socketAddress);
  if (!peer) return "unknown";
  if (!trusted(proxies, peer)) return peer;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : String(forwardedFor ?? "")).split(",").map((h) => h.trim()).filter(Boolean);
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normaliseAddress(hops[i]);
    // Garbage in the chain: nothing left of it can be placed, so the last good hop stands.
    if (!hop) return nearest;
    if (!trusted(proxies, hop)) return hop;
    nearest = hop;
  }
  // Every hop is one of ours (a health check from the proxy itself): the leftmost is the client.
  return hops.length ? normaliseAddress(hops[0]) : peer;
}
