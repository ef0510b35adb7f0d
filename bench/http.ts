// HTTP benchmark: `npm run bench:http`. For each data set size (BENCH_SIZES, default 1 000 and
// 100 000 generated stories on top of the demo content) it starts the production site, and for
// every public page type runs wrk for BENCH_SECONDS (15) at BENCH_CONNECTIONS (50) against
// next start and, in the same run, against a bare node:http server answering with the same
// bytes from memory (the ceiling for any Node server here). At the first size it also measures
// the pages through the shipped nginx config beside nginx serving the page as a static file, a
// flood of made-up slugs, and how long a publish takes to show on the pages it affects,
// directly and through the proxy. Last, the memory of every process `npm start` leaves
// running, after load. Figures are ratios to references measured in the same run: this
// machine is shared and noisy. Results: docs/performance.md.
import { spawn } from "node:child_process";
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { generateData } from "@/scripts/lib/generate-data";
import { startTestServer } from "@/scripts/lib/test-server";
import { startNginxProxy } from "@/tests/e2e/nginx-proxy";
import { freePort } from "@/tests/setup/free-port";
import { capture, pssMb, processTree, rssMb, startBareNode, startNginxStatic, stopChild, waitForLine, wrk, type Captured, type LoadResult } from "./lib/load";

// The proxy answers with a throwaway certificate on loopback.
process.env.NODE_TLS_REJECT_UNAUTHORIZED = "0";

const SIZES = (process.env.BENCH_SIZES ?? "1000,100000").split(",").map(Number);
const FLOOD = 5000;
const FLOODS = 3;
const TEST_SECRET = "test-secret-that-is-only-used-by-the-throwaway-test-site";

// One address per public page type; the generated municipality and topic have stories at every size.
const PAGES: [type: string, path: string][] = [
  ["start page", "/"],
  ["news list", "/nyheter"],
  ["news list, page 2", "/nyheter/sida/2"],
  ["news archive", "/nyheter/arkiv/2020"],
  ["interview list", "/intervjuer"],
  ["story", "/nyheter/lerum-med-i-svenskt-naringslivs-utvecklingsprogram"],
  ["interview", "/intervjuer/ett-natverk-som-gar-over-kommungranserna"],
  ["municipality list", "/kommuner"],
  ["municipality", "/kommuner/genkommun-1"],
  ["municipality, page 3", "/kommuner/genkommun-1/sida/3"],
  ["organisation", "/organisationer/svenskt-naringsliv"],
  ["topic", "/amnen/genamne-1"],
  ["network", "/natverk/naringslivsnatverket-goteborgsregionen"],
  ["person", "/personer/pia-areblad"],
  ["series", "/serier/kommundirektorerna-om-pandemin"],
  ["editorial page", "/tillganglighet"],
  ["search, no query", "/sok"],
  ["RSS feed", "/feed.xml"],
  ["municipality feed", "/kommuner/genkommun-1/atom.xml"],
  ["sitemap index", "/sitemap.xml"],
  ["robots.txt", "/robots.txt"],
  ["share image", "/og/intervju/ett-natverk-som-gar-over-kommungranserna"],
  ["404", "/nyheter/finns-inte"],
];
// The pages measured through nginx too.
const PROXIED = ["/", "/nyheter", "/nyheter/lerum-med-i-svenskt-naringslivs-utvecklingsprogram", "/kommuner/genkommun-1"];

const log = (line = "") => {
  console.log(line);
  report.push(line);
};
const report: string[] = [];
const f0 = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : "–");
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : "–");
const f2 = (n: number) => (Number.isFinite(n) ? n.toFixed(2) : "–");
const row = (cells: (string | number)[]) => log(`| ${cells.join(" | ")} |`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Requests a page until it is a cache hit (and so stored), and returns its bytes as sent. */
async function warm(url: string): Promise<Captured> {
  for (let i = 0; i < 5; i++) {
    const res = await fetch(url);
    await res.arrayBuffer();
    if (res.headers.get("x-nextjs-cache") === "HIT") break;
  }
  return capture(url);
}

async function measureSize(stories: number, first: boolean) {
  const server = await startTestServer({ port: await freePort() });
  const scratch = await mkdtemp(path.join(os.tmpdir(), "nn-bench-http-"));
  try {
    const t0 = performance.now();
    await generateData(server.databaseUrl, { stories });
    log(`\n### ${stories.toLocaleString("sv-SE")} generated stories (plus the demo content; generated in ${f1((performance.now() - t0) / 1000)} s)\n`);

    const captured = new Map<string, Captured>();
    for (const [, p] of PAGES) captured.set(p, await warm(server.url + p));
    const bare = await startBareNode(captured);
    const results = new Map<string, { server: LoadResult; bare: LoadResult }>();
    row(["page type", "path", "bytes sent (gzip)", "server.mjs req/s", "p50 ms", "p99 ms", "errors", "bare node:http req/s", "ratio to bare node"]);
    row(["---", "---", "---:", "---:", "---:", "---:", "---:", "---:", "---:"]);
    for (const [type, p] of PAGES) {
      const next = wrk(server.url + p);
      const ref = wrk(bare.url + p);
      results.set(p, { server: next, bare: ref });
      const c = captured.get(p)!;
      row([type, `\`${p}\``, c.body.length, f0(next.rps), f1(next.p50), f1(next.p99), next.errors + (c.status === 200 ? next.non2xx : 0), f0(ref.rps), f2(next.rps / ref.rps)]);
    }
    await bare.stop();

    if (first) {
      // The shipped config as the proxy end-to-end test runs it: TLS with a throwaway certificate.
      const nginx = await startNginxProxy({ appServer: server.url.replace("http://", "") });
      const proxy = { url: nginx.httpsUrl, stop: nginx.stop };
      const tls = { cert: /ssl_certificate\s+(\S+);/.exec(nginx.config)![1]!, key: /ssl_certificate_key\s+(\S+);/.exec(nginx.config)![1]! };
      const statics = await startNginxStatic(path.join(scratch, "static"), new Map(PROXIED.map((p) => [p, captured.get(p)!])), tls);
      log("\nThrough the shipped nginx config (`deploy/nginx/`, TLS), beside nginx serving the same bytes (body and the app's headers) as a static file over TLS with the same access log, both one worker:\n");
      row(["path", "through the proxy req/s", "p99 ms", "errors", "nginx static file req/s", "ratio"]);
      row(["---", "---:", "---:", "---:", "---:", "---:"]);
      for (const p of PROXIED) {
        // A short run each first: the proxy's first seconds (cache file, TLS sessions) and the
        // page cache of the static file are not what is measured.
        wrk(proxy.url + p, 3);
        wrk(statics.url + statics.files.get(p)!, 3);
        const via = wrk(proxy.url + p);
        const file = wrk(statics.url + statics.files.get(p)!);
        row([`\`${p}\``, f0(via.rps), f1(via.p99), via.errors + via.non2xx, f0(file.rps), f2(via.rps / file.rps)]);
      }
      await statics.stop();

      await flood(server.url, server.next.pid!);
      await publishToVisible(server, proxy.url);
      await proxy.stop();
    }
    return results;
  } finally {
    await server.stop();
    await rm(scratch, { recursive: true, force: true });
  }
}

/**
 * Three floods of 5 000 requests for made-up slugs: memory before and after each (does it level
 * off, or grow by the same again each time?), and whether real pages stay stored.
 */
async function flood(base: string, pid: number) {
  const rss = [rssMb(pid)];
  const statuses = new Map<number, number>();
  for (let round = 0; round < FLOODS; round++) {
    let next = 0;
    await Promise.all(
      Array.from({ length: 50 }, async () => {
        while (next < FLOOD) {
          const i = next++;
          const res = await fetch(`${base}/nyheter/finns-inte-${round}-${i}-${Math.random().toString(36).slice(2)}`);
          await res.arrayBuffer();
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      }),
    );
    rss.push(rssMb(pid));
  }
  // Pages with a lifetime (feeds, sitemaps: five minutes) may be due by now: STALE is stored too.
  const answers = await Promise.all(PAGES.filter(([, p]) => !p.includes("finns-inte")).map(async ([, p]) => [p, (await fetch(base + p)).headers.get("x-nextjs-cache")] as const));
  const missed = answers.filter(([, c]) => c !== "HIT" && c !== "STALE");
  log(`\nFlood: ${FLOODS} × ${FLOOD} requests for made-up slugs (${[...statuses].map(([s, n]) => `${n} × ${s}`).join(", ")}), 50 at a time. Server RSS ${rss.map(f0).join(" → ")} MB (before, then after each round); real pages still stored afterwards: ${answers.length - missed.length} of ${answers.length}${missed.length ? ` (not: ${missed.map(([p, c]) => `${p} ${c}`).join(", ")})` : ""}.`);
}

/**
 * A scheduled story published through the scheduler's route, then polled for on the pages it
 * appears on until each shows it, directly and through the proxy.
 */
async function publishToVisible(server: { url: string; databaseUrl: string }, proxyUrl: string) {
  const client = new pg.Client({ connectionString: server.databaseUrl });
  await client.connect();
  const token = createHmac("sha256", TEST_SECRET).update("naringslivsnytt-scheduler").digest("hex");
  try {
    const slug = `bench-publicering-${Date.now()}`;
    const title = `Mätpublicering ${Date.now()}`;
    const affected = [`/nyheter/${slug}`, "/nyheter", "/", "/kommuner/lerum", "/feed.xml"];
    // Stored everywhere first, so what is measured is invalidation, not a cold cache.
    for (const base of [server.url, proxyUrl]) for (const p of affected) await fetch(base + p).then((r) => r.arrayBuffer());
    await client.query(
      `WITH s AS (
         INSERT INTO story (id, kind, title, slug, lead, body, status, published_at, updated_at)
         VALUES (gen_random_uuid(), 'NEWS', $1, $2, 'En nyhet som mäter hur snabbt en publicering syns.', '{"type":"doc","content":[]}', 'SCHEDULED', now() + interval '1 hour', now())
         RETURNING id)
       INSERT INTO story_organisation (story_id, organisation_id) SELECT s.id, o.id FROM s, organisation o WHERE o.slug = 'lerum'`,
      [title, slug],
    );
    await client.query("UPDATE story SET published_at = now() WHERE slug = $1", [slug]);
    const res = await fetch(`${server.url}/api/intern/schemalaggare`, { method: "POST", headers: { authorization: `Bearer ${token}` } });
    const published = performance.now();
    const { published: count } = (await res.json()) as { published: number };
    log(`\nPublish → visible (a scheduled story published by the scheduler's route${count ? "" : "; the server's own timer got there first"}), ms after the publish returned:\n`);
    row(["page", "directly", "through the proxy"]);
    row(["---", "---:", "---:"]);
    // Every page on both paths polled at once, so no page's wait adds to another's.
    const seen = await Promise.all(affected.map((p) => Promise.all([server.url, proxyUrl].map((base) => visibleAfter(base + p, title, published)))));
    affected.forEach((p, i) => row([`\`${p}\``, f0(seen[i]![0]!), f0(seen[i]![1]!)]));
  } finally {
    await client.end();
  }
}

async function visibleAfter(url: string, text: string, since: number): Promise<number> {
  while (performance.now() - since < 10_000) {
    const body = await fetch(url).then((r) => r.text());
    if (body.includes(text)) return performance.now() - since;
    await sleep(20);
  }
  return NaN;
}

/** `npm start` as a user runs it (embedded PostgreSQL, demo content), under load, then its memory. */
async function npmStartMemory() {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "nn-bench-start-"));
  const port = await freePort();
  // Exactly the command `npm start` runs (package.json), without npm's own process around it.
  const command = JSON.parse(readFileSync("package.json", "utf8")).scripts.start as string;
  const child = spawn("sh", ["-c", `exec ${command}`], {
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: "127.0.0.1", EMBEDDED_PG_PORT: String(await freePort()), DATABASE_URL: "" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  try {
    await waitForLine(child, /Ready in|serving/);
    for (let i = 0; i < 300; i++) {
      if (await fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok, () => false)) break;
      await sleep(100);
    }
    for (const [, p] of PAGES.slice(0, 8)) wrk(`http://127.0.0.1:${port}${p}`, 5);
    const tree = processTree(child.pid!);
    log(`\nMemory of every process \`npm start\` leaves running, after ${8 * 5} s of load (RSS counts PostgreSQL's shared buffers once per process; PSS shares them out):\n`);
    row(["process", "pid", "RSS MB", "PSS MB"]);
    row(["---", "---:", "---:", "---:"]);
    let rss = 0;
    let pss = 0;
    for (const p of tree) {
      const r = rssMb(p.pid);
      const s = pssMb(p.pid);
      rss += r;
      pss += s;
      row([p.name, p.pid, f0(r), f0(s)]);
    }
    row(["**all together**", "", `**${f0(rss)}**`, `**${f0(pss)}**`]);
  } finally {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  }
}

log(`# bench:http, ${new Date().toISOString().slice(0, 16)} UTC, Node ${process.version}, ${os.cpus().length} cores`);
log(`wrk -t2 -c${process.env.BENCH_CONNECTIONS ?? 50} -d${process.env.BENCH_SECONDS ?? 15}s, Accept-Encoding: gzip, br`);
const bySize: Map<string, { server: LoadResult; bare: LoadResult }>[] = [];
for (const [i, size] of SIZES.entries()) bySize.push(await measureSize(size, i === 0));
if (bySize.length > 1) {
  // Each size's own bare-node run is its yardstick: the machine's load differs between the runs.
  log(`\nCost at ${SIZES.at(-1)} stories against ${SIZES[0]}: the ratio to bare node:http at ${SIZES[0]} ÷ the ratio at ${SIZES.at(-1)} (1.0 = no cost):\n`);
  row(["page type", `req/s at ${SIZES[0]}`, `req/s at ${SIZES.at(-1)}`, "cost"]);
  row(["---", "---:", "---:", "---:"]);
  for (const [type, p] of PAGES) {
    const [a, b] = [bySize[0]!.get(p)!, bySize.at(-1)!.get(p)!];
    row([type, f0(a.server.rps), f0(b.server.rps), f2(a.server.rps / a.bare.rps / (b.server.rps / b.bare.rps))]);
  }
}
await npmStartMemory();
const out = path.join(".data", "bench-http.md");
await import("node:fs/promises").then((fs) => fs.writeFile(out, report.join("\n") + "\n"));
console.log(`\nwritten to ${out}`);
