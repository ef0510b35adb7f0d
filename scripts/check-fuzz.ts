// `npm run check:fuzz`: hostile and malformed requests against the production server (server.mjs
// on a throwaway database with the demo content), loopback only and bounded (a few thousand
// requests). Every answer must be below 500, and the server must not log an error for them.
// Prints one line per kind and a closing "N requests, N answers ≥ 500"; exits 1 on any.
import net from "node:net";
import { startTestServer } from "./lib/test-server";
import { freePort } from "@/tests/setup/free-port";

type Case = { kind: string; method?: string; path: string; headers?: Record<string, string>; body?: string; raw?: string };

const SLUG_ROUTES = ["/nyheter", "/intervjuer", "/kommuner", "/organisationer", "/amnen", "/natverk", "/personer", "/serier", "/media", "/og/nyhet"];
const BAD_SEGMENTS = ["%zz", "%C3", "a%", "%", "%E2%82", "%ED%A0%80", "%00", "%2e%2e%2f%2e%2e", "..%2f..%2fetc%2fpasswd", "x".repeat(3000), "%F0%9F%98", "<script>", "'\"", "ÅÄÖ", "%u0041"];
const QUERY_VALUES = ["%00x", "%zz", "%C3", "x".repeat(5000), "<script>alert(1)</script>", "'; DROP TABLE story;--", "%F0%9F%98", "%ED%A0%BD", "1e999", "-1", "NaN", "[]", "{}"];
const QUERY_KEYS = ["q", "lan", "kommun", "amne", "natverk", "ar", "manad", "sida", "sortera", "typ"];

function cases(): Case[] {
  const out: Case[] = [];
  for (const route of SLUG_ROUTES) for (const seg of BAD_SEGMENTS) out.push({ kind: "bad path segment", path: `${route}/${seg}` }, { kind: "bad path segment", path: `${route}/${seg}/sida/2` });
  for (const key of QUERY_KEYS) for (const value of QUERY_VALUES) for (const base of ["/sok", "/nyheter", "/kommuner/lerum"]) out.push({ kind: "bad query", path: `${base}?${key}=${value}` });
  for (const method of ["TRACE", "PUT", "DELETE", "PATCH", "PROPFIND", "CONNECT", "OPTIONS", "BREW"]) {
    for (const p of ["/", "/robots.txt", "/api/auth/sign-in/email", "/admin", "/feed.xml"]) {
      // fetch() refuses to send TRACE and CONNECT itself: those go as raw request lines.
      out.push(method === "TRACE" || method === "CONNECT" ? { kind: "method", path: "", raw: `${method} ${p} HTTP/1.1` } : { kind: "method", method, path: p });
    }
  }
  for (const p of ["/", "/nyheter", "/logga-in", "/admin/artiklar/ny"]) {
    out.push(
      { kind: "malformed form post", method: "POST", path: p, headers: { "content-type": "multipart/form-data" }, body: "garbage" },
      { kind: "malformed form post", method: "POST", path: p, headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x\r\nbroken" },
      { kind: "malformed form post", method: "POST", path: p, headers: { "content-type": "application/x-www-form-urlencoded" }, body: "%zz=%C3&a" },
      { kind: "foreign-origin action", method: "POST", path: p, headers: { "next-action": "0".repeat(40), origin: "https://angripare.example", "content-type": "text/plain" }, body: "[]" },
      { kind: "bogus action id", method: "POST", path: p, headers: { "next-action": "0".repeat(40), "content-type": "text/plain;charset=UTF-8" }, body: "[]" },
    );
  }
  for (const body of ["{", "null", "[]", '{"email":1,"password":{}}', JSON.stringify({ email: "a\u0000@b.se", password: "x" }), "x".repeat(200_000)]) {
    out.push({ kind: "bad auth body", method: "POST", path: "/api/auth/sign-in/email", headers: { "content-type": "application/json", origin: "http://127.0.0.1" }, body });
  }
  for (const raw of ["GET * HTTP/1.1", "GET http://example.com/ HTTP/1.1", "GET //example.com HTTP/1.1", "GET /nyheter/%zz HTTP/1.1", "GET / HTTP/1.0"]) out.push({ kind: "raw request line", path: "", raw });
  const oddHeaders: Record<string, string>[] = [{ cookie: "better-auth.session_token=%zz" }, { cookie: "__prerender_bypass=x; a=%ff" }, { "accept-encoding": "x".repeat(5000) }, { rsc: "1", "next-router-state-tree": "%zz" }, { "next-router-state-tree": "[".repeat(500) }, { host: "evil.example" }];
  for (const h of oddHeaders) for (const p of ["/", "/nyheter", "/admin"]) out.push({ kind: "odd header", path: p, headers: h });
  return out;
}

function raw(url: string, line: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect(Number(port), hostname, () => socket.write(`${line}\r\nHost: ${hostname}:${port}\r\nConnection: close\r\n\r\n`));
    let data = "";
    socket.setTimeout(10_000, () => socket.destroy());
    socket.setEncoding("latin1").on("data", (d) => (data += d));
    socket.on("close", () => resolve(Number(/^HTTP\/1\.[01] (\d{3})/.exec(data)?.[1] ?? 0)));
    socket.on("error", () => undefined);
  });
}

const serverLog: string[] = [];
const server = await startTestServer({ port: await freePort(), onOutput: (chunk) => serverLog.push(chunk) });
const byKind = new Map<string, { n: number; statuses: Map<number, number> }>();
const failures: string[] = [];
try {
  for (const c of cases()) {
    let status: number;
    if (c.raw) status = await raw(server.url, c.raw);
    else {
      const res = await fetch(server.url + c.path, { method: c.method ?? "GET", headers: c.headers, body: c.body, redirect: "manual", signal: AbortSignal.timeout(15_000) }).catch(() => null);
      status = res?.status ?? 0;
      await res?.arrayBuffer().catch(() => undefined);
    }
    const k = byKind.get(c.kind) ?? { n: 0, statuses: new Map() };
    k.n++;
    k.statuses.set(status, (k.statuses.get(status) ?? 0) + 1);
    byKind.set(c.kind, k);
    if (status >= 500 || status === 0) failures.push(`${status || "no answer"} ${c.method ?? "GET"} ${c.raw ?? c.path.slice(0, 120)}`);
  }
} finally {
  await server.stop();
}
let total = 0;
for (const [kind, k] of byKind) {
  total += k.n;
  console.log(`${kind}: ${k.n} requests, ${[...k.statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${n} × ${s || "no answer"}`).join(", ")}`);
}
const errors = serverLog.join("").split("\n").filter((l) => /⨯|Error:|\berror\b/i.test(l) && !/\[auth\]|\[csp\]/.test(l));
for (const f of failures.slice(0, 30)) console.log(`  ${f}`);
for (const e of errors.slice(0, 10)) console.log(`  server log: ${e.slice(0, 200)}`);
console.log(`${total} requests, ${failures.length} answers ≥ 500 or none, ${errors.length} error lines in the server log`);
process.exit(failures.length || errors.length ? 1 : 0);
