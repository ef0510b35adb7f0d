// Load generation and reference servers for the HTTP benchmark (bench/http.ts): Debian's wrk as
// the load generator, a bare node:http server and nginx serving the same bytes as references.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { chmod, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { freePort } from "@/tests/setup/free-port";

export const SECONDS = Number(process.env.BENCH_SECONDS ?? 15);
export const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
// As browsers send it: Next and nginx then answer gzip.
export const ACCEPT_ENCODING = "gzip, br";

export type LoadResult = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

const ms = (v: string, unit: string) => Number(v) * (unit === "us" ? 0.001 : unit === "s" ? 1000 : 1);

/** `wrk -t2 -c50 -d15s --latency` against one URL, parsed. */
export function wrk(url: string, seconds = SECONDS): LoadResult {
  const out = spawnSync("wrk", ["-t2", `-c${CONNECTIONS}`, `-d${seconds}s`, "--latency", "-H", `Accept-Encoding: ${ACCEPT_ENCODING}`, url], { encoding: "utf8" });
  if (out.error) throw new Error(`wrk could not be started (${out.error.message}): the benchmarks need Debian's wrk (apt-get install wrk)`);
  if (out.status !== 0) throw new Error(`wrk failed: ${out.stderr}`);
  const text = out.stdout;
  const latency = (p: string) => {
    const m = new RegExp(`^\\s+${p}%\\s+([\\d.]+)(us|ms|s)`, "m").exec(text);
    return m ? ms(m[1]!, m[2]!) : NaN;
  };
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(text);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(text)?.[1] ?? NaN),
    p50: latency("50"),
    p99: latency("99"),
    errors: socket ? socket.slice(1).reduce((a, b) => a + Number(b), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(text)?.[1] ?? 0),
  };
}

export type Captured = { status: number; headers: http.OutgoingHttpHeaders; body: Buffer };

/** One response exactly as sent (still compressed), to replay from the reference servers. */
export function capture(url: string): Promise<Captured> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers: { "accept-encoding": ACCEPT_ENCODING } }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          // Every header but those that belong to one connection or one moment.
          const skip = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "date"]);
          const headers = Object.fromEntries(Object.entries(res.headers).filter(([h, v]) => !skip.has(h) && v !== undefined));
          resolve({ status: res.statusCode ?? 0, headers, body: Buffer.concat(chunks) });
        });
      })
      .on("error", reject);
  });
}

/**
 * The ceiling for any Node server on this machine: a bare node:http server in a process of its
 * own, answering every request with the captured bytes from memory.
 */
export async function startBareNode(pages: Map<string, Captured>): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const table = Object.fromEntries([...pages].map(([p, c]) => [p, { status: c.status, headers: c.headers, body: c.body.toString("base64") }]));
  const file = path.join(os.tmpdir(), `nn-bare-${port}.json`);
  await writeFile(file, JSON.stringify(table));
  const source = `
    const http = require("node:http");
    const table = JSON.parse(require("node:fs").readFileSync(${JSON.stringify(file)}, "utf8"));
    for (const p of Object.values(table)) p.body = Buffer.from(p.body, "base64");
    http.createServer((req, res) => {
      const p = table[req.url];
      if (!p) { res.statusCode = 404; return res.end(); }
      res.writeHead(p.status, { ...p.headers, "content-length": p.body.length });
      res.end(p.body);
    }).listen(${port}, "127.0.0.1", () => console.log("ready"));`;
  const child = spawn(process.execPath, ["-e", source], { stdio: ["ignore", "pipe", "inherit"] });
  await waitForLine(child, /ready/);
  return { url: `http://127.0.0.1:${port}`, stop: () => stopChild(child).then(() => rm(file, { force: true })) };
}

/** Debian's nginx with a config of ours, in a folder of its own; `conf` gets the folder and port. */
export async function startNginx(dir: string, conf: (o: { dir: string; port: number }) => string): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  await mkdir(path.join(dir, "logs"), { recursive: true });
  const file = path.join(dir, "nginx.conf");
  await writeFile(file, conf({ dir, port }));
  const child = spawn("/usr/sbin/nginx", ["-p", dir, "-c", file, "-g", "daemon off;"], { stdio: ["ignore", "inherit", "inherit"] });
  const scheme = /listen [^;]* ssl/.test(await readFile(file, "utf8")) ? "https" : "http";
  for (let i = 0; i < 100; i++) {
    if (await fetch(`${scheme}://127.0.0.1:${port}/`).then(() => true, () => false)) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return { url: `${scheme}://127.0.0.1:${port}`, stop: () => stopChild(child, "SIGQUIT") };
}

/** nginx serving the captured bytes as static files (over TLS when given a certificate, as the proxy): the ceiling for this machine. */
export async function startNginxStatic(dir: string, pages: Map<string, Captured>, tls?: { cert: string; key: string }): Promise<{ url: string; files: Map<string, string>; stop: () => Promise<void> }> {
  const files = new Map<string, string>();
  await mkdir(path.join(dir, "www"), { recursive: true });
  // Run as root, nginx's workers are `nobody`: every folder on the way to the files must let
  // them in (mkdtemp makes 0700 folders), or the "static file" is a 403 and a false ceiling.
  for (let d = path.join(dir, "www"); d.startsWith(os.tmpdir()) && d !== os.tmpdir(); d = path.dirname(d)) await chmod(d, 0o755);
  let i = 0;
  for (const [p, c] of pages) {
    const name = `/page-${i++}.html`;
    await writeFile(path.join(dir, "www", name), c.body);
    files.set(p, name);
  }
  // The page's own headers (its CSP, Vary, ETag, Cache-Control …) as the app sends them, so the
  // file answers with the same bytes as the proxy; nginx's own ETag gives way to the app's.
  const quoted = (v: unknown) => `"${String(v).replace(/["\\]/g, "\\$&")}"`;
  const locations = [...pages]
    .map(([p, c]) => {
      const headers = Object.entries(c.headers).filter(([h]) => h !== "content-type");
      return `    location = ${files.get(p)} {
      default_type ${quoted(c.headers["content-type"] ?? "text/html")};
      etag off;
${headers.map(([h, v]) => `      add_header ${h} ${quoted(v)};`).join("\n")}
    }`;
    })
    .join("\n");
  const server = await startNginx(dir, ({ dir, port }) => `
worker_processes 1;
error_log ${dir}/logs/error.log warn;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  # Logged like the proxy's cache hits: same format, same buffer.
  log_format bench '$remote_addr [$time_local] "$request" $status $body_bytes_sent cache=- rt=$request_time ut=- "$http_referer" "$http_user_agent"';
  access_log ${dir}/logs/access.log bench buffer=64k flush=1s;
  sendfile on;
  tcp_nopush on;
  client_body_temp_path ${dir}/tmp-body; proxy_temp_path ${dir}/tmp-proxy; fastcgi_temp_path ${dir}/tmp-fcgi; uwsgi_temp_path ${dir}/tmp-uwsgi; scgi_temp_path ${dir}/tmp-scgi;
  server {
    listen 127.0.0.1:${port}${tls ? " ssl" : ""};
    ${tls ? `ssl_certificate ${tls.cert}; ssl_certificate_key ${tls.key}; ssl_protocols TLSv1.2 TLSv1.3;` : ""}
    root ${dir}/www;
${locations}
  }
}`);
  // A reference that does not answer with the page is no reference.
  for (const [p, name] of files) {
    const res = await fetch(server.url + name);
    await res.arrayBuffer();
    if (res.status !== 200 || Number(res.headers.get("content-length")) !== pages.get(p)!.body.length) throw new Error(`nginx static reference answers ${res.status} for ${p} (${name}): see ${dir}/logs/error.log`);
  }
  return { ...server, files };
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
}

/** Proportional set size: shared memory (PostgreSQL's buffers) divided among its users. */
export function pssMb(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
}

/** A process and all its descendants, with their command names. */
export function processTree(root: number): { pid: number; name: string }[] {
  const ps = spawnSync("ps", ["-e", "-o", "pid=,ppid=,comm="], { encoding: "utf8" }).stdout;
  const rows = ps.trim().split("\n").map((l) => l.trim().split(/\s+/)).map(([pid, ppid, ...name]) => ({ pid: Number(pid), ppid: Number(ppid), name: name.join(" ") }));
  const out: { pid: number; name: string }[] = [];
  const walk = (pid: number) => {
    for (const r of rows.filter((r) => r.ppid === pid)) {
      out.push({ pid: r.pid, name: r.name });
      walk(r.pid);
    }
  };
  const self = rows.find((r) => r.pid === root);
  if (self) out.push({ pid: self.pid, name: self.name });
  walk(root);
  return out;
}

export function waitForLine(child: ChildProcess, pattern: RegExp, timeoutMs = 600_000): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`timed out waiting for ${pattern}`)), timeoutMs);
    const onData = (d: Buffer) => {
      if (pattern.test(String(d))) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => reject(new Error(`exited with ${code} before ${pattern}`)));
  });
}

export async function stopChild(child: ChildProcess, signal: NodeJS.Signals = "SIGTERM"): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once("exit", r));
  child.kill(signal);
  await exited;
}
