import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import http from "node:http";
import https from "node:https";
import { isIP, type LookupFunction } from "node:net";
import { isPublicAddress } from "./address";

// One link's check: HEAD, then GET where HEAD is refused or fails (many servers answer HEAD
// badly), following redirects by hand so that every hop is judged, with a time-out per
// request. Only http and https; never an address in a private range (./address.ts), checked
// on what the name resolves to, so a public name pointing inwards is refused as well.

export type ProbeResult = { ok: boolean; status: number | null; problem: string | null };

export type ProbeOptions = {
  timeoutMs?: number;
  maxRedirects?: number;
  /** Which resolved addresses may be connected to; tests allow their own loopback servers. */
  allowAddress?: (address: string) => boolean;
};

const USER_AGENT = "Naringslivsnytt-lankkontroll/1.0 (+https://naringslivsnytt.se/om)";

class RefusedAddress extends Error {}

function guardedLookup(allow: (address: string) => boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
      if (err) return callback(err, "", 0);
      const refused = addresses.find((a) => !allow(a.address));
      if (refused || !addresses.length) return callback(new RefusedAddress(refused?.address ?? hostname), "", 0);
      if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

type Answer = { status: number; location: string | null };

function request(url: URL, method: "HEAD" | "GET", opts: Required<ProbeOptions>): Promise<Answer> {
  const literal = url.hostname.replace(/^\[|\]$/g, "");
  if (isIP(literal) && !opts.allowAddress(literal)) return Promise.reject(new RefusedAddress(literal));
  return new Promise((resolve, reject) => {
    const client = url.protocol === "https:" ? https : http;
    const req = client.request(url, { method, headers: { "user-agent": USER_AGENT, accept: "*/*" }, lookup: guardedLookup(opts.allowAddress), signal: AbortSignal.timeout(opts.timeoutMs) }, (res) => {
      // Only the status matters: the body is never read.
      res.destroy();
      const location = res.headers.location;
      resolve({ status: res.statusCode ?? 0, location: typeof location === "string" ? location : null });
    });
    req.on("error", reject);
    req.end();
  });
}

function describeStatus(status: number): string {
  if (status === 404 || status === 410) return `Sidan finns inte (${status})`;
  if (status === 401 || status === 403) return `Åtkomst nekas (${status})`;
  if (status >= 500) return `Fel hos servern (${status})`;
  return `Svarar ${status}`;
}

function describeError(err: unknown, timeoutMs: number): string {
  if (err instanceof RefusedAddress) return "Adressen pekar på ett internt nät och kontrolleras inte";
  const e = err as NodeJS.ErrnoException & { name?: string };
  if (e.name === "TimeoutError" || e.name === "AbortError") {
    const seconds = Math.max(1, Math.round(timeoutMs / 1000));
    return `Svarar inte inom ${seconds} ${seconds === 1 ? "sekund" : "sekunder"}`;
  }
  if (e.code === "ENOTFOUND" || e.code === "EAI_AGAIN") return "Adressen finns inte (namnet går inte att slå upp)";
  if (e.code === "ECONNREFUSED") return "Servern tar inte emot anslutningar";
  if (e.code?.startsWith("ERR_TLS") || e.code?.includes("CERT")) return "Certifikatet går inte att lita på";
  return "Går inte att nå";
}

/** Checks one http(s) address; never throws. */
export async function probeUrl(address: string, options: ProbeOptions = {}): Promise<ProbeResult> {
  const opts: Required<ProbeOptions> = { timeoutMs: 10_000, maxRedirects: 5, allowAddress: isPublicAddress, ...options };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { ok: false, status: null, problem: "Adressen är felskriven" };
  }
  const seen = new Set<string>();
  for (let hop = 0; hop <= opts.maxRedirects; hop++) {
    if (url.protocol !== "http:" && url.protocol !== "https:") return { ok: false, status: null, problem: "Leder till en adress som inte är http eller https" };
    if (seen.has(url.href)) return { ok: false, status: null, problem: "Omdirigerar i en slinga" };
    seen.add(url.href);
    let answer: Answer;
    try {
      answer = await request(url, "HEAD", opts);
      if (answer.status >= 400) answer = await request(url, "GET", opts);
    } catch (headError) {
      if (headError instanceof RefusedAddress || (headError as Error).name === "TimeoutError") return { ok: false, status: null, problem: describeError(headError, opts.timeoutMs) };
      try {
        answer = await request(url, "GET", opts);
      } catch (err) {
        return { ok: false, status: null, problem: describeError(err, opts.timeoutMs) };
      }
    }
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      try {
        url = new URL(answer.location, url);
      } catch {
        return { ok: false, status: answer.status, problem: "Omdirigerar till en felskriven adress" };
      }
      continue;
    }
    if (answer.status >= 200 && answer.status < 300) return { ok: true, status: answer.status, problem: null };
    return { ok: false, status: answer.status, problem: describeStatus(answer.status) };
  }
  return { ok: false, status: null, problem: `Fler än ${opts.maxRedirects} omdirigeringar` };
}
