// Lighthouse benchmark: `npm run bench:lighthouse`. Starts a throwaway site (demo content,
// production build) and runs Lighthouse 12 (mobile, simulated throttling, the default) on
// every public page type, printing performance, LCP, TBT, CLS, scripts and bytes. Because
// this 2-core machine is shared and noisy, the same run first audits a reference: a bare
// node:http server answering one static page of the same text with no scripts, and each
// row shows its score beside that reference's. Results go in docs/performance.md.
import { createServer } from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { startTestServer } from "@/scripts/lib/test-server";
import { PAGE_TYPES } from "@/tests/e2e/support";

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
// Comma-separated page-type names (tests/e2e/support.ts PAGE_TYPES), to run a few.
const ONLY = process.env.BENCH_LIGHTHOUSE_ONLY?.split(",").map((n) => n.trim());

type Row = { name: string; path: string; score: number; lcp: number; tbt: number; cls: number; scripts: number; kb: number; lcpElement: string };

const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});

async function audit(url: string): Promise<Omit<Row, "name" | "path">> {
  const results: Omit<Row, "name" | "path">[] = [];
  for (let i = 0; i < RUNS; i++) {
    const result = await lighthouse(url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
    const lhr = result!.lhr;
    if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
    const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
    const network = (lhr.audits["network-requests"]?.details as { items?: { resourceType?: string; transferSize?: number }[] } | undefined)?.items ?? [];
    const lcpItems = (lhr.audits["largest-contentful-paint-element"]?.details as { items?: { items?: { node?: { nodeLabel?: string; selector?: string } }[] }[] } | undefined)?.items;
    const node = lcpItems?.[0]?.items?.[0]?.node;
    results.push({
      score: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      lcp: num("largest-contentful-paint"),
      tbt: num("total-blocking-time"),
      cls: num("cumulative-layout-shift"),
      scripts: network.filter((r) => r.resourceType === "Script").length,
      kb: network.reduce((sum, r) => sum + (r.transferSize ?? 0), 0) / 1024,
      lcpElement: (node?.selector ?? node?.nodeLabel ?? "").slice(0, 40),
    });
  }
  // The median run by score.
  return results.sort((a, b) => a.score - b.score)[Math.floor(results.length / 2)]!;
}

const reference = createServer((_req, res) => {
  res.writeHead(200, { "Content-Type": "text/html; charset=utf-8" });
  res.end(
    `<!doctype html><html lang="sv"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>Referens</title></head><body><main><h1>Referenssida</h1><p>${"Kommunens näringslivsnyheter i en enkel sida utan skript. ".repeat(20)}</p></main></body></html>`,
  );
});
await new Promise<void>((r) => reference.listen(0, "127.0.0.1", () => r()));
const referencePort = (reference.address() as { port: number }).port;

const server = await startTestServer({ port: 3450 });
try {
  const ref = await audit(`http://127.0.0.1:${referencePort}/`);
  const rows: Row[] = [];
  for (const p of PAGE_TYPES.filter((t) => !t.name.startsWith("404") && (!ONLY || ONLY.includes(t.name)))) {
    rows.push({ name: p.name, path: p.path, ...(await audit(server.url + p.path)) });
    process.stderr.write(".");
  }
  const fmt = (r: Omit<Row, "name" | "path">) => `${r.score} | ${(r.lcp / 1000).toFixed(2)} | ${r.tbt.toFixed(0)} | ${r.cls.toFixed(3)} | ${r.scripts} | ${r.kb.toFixed(0)}`;
  console.log(`\nLighthouse 12, mobile, simulated throttling; median of ${RUNS} run(s) per page; Node ${process.version}\n`);
  console.log("| page | path | performance | LCP s | TBT ms | CLS | scripts | KB transferred | LCP element |");
  console.log("|---|---|---|---|---|---|---|---|---|");
  console.log(`| reference (node:http, static, no scripts) | / | ${fmt(ref)} | ${ref.lcpElement} |`);
  for (const r of rows) console.log(`| ${r.name} | ${r.path} | ${fmt(r)} | \`${r.lcpElement}\` |`);
  if (rows.length === 0) throw new Error(`no page type matches BENCH_LIGHTHOUSE_ONLY=${ONLY}`);
  const worst = rows.reduce((a, b) => (b.score < a.score ? b : a), rows[0]!);
  console.log(`\nLowest: ${worst.name} ${worst.score} (reference ${ref.score}); pages at 95 or more: ${rows.filter((r) => r.score >= 95).length} of ${rows.length}`);
} finally {
  await server.stop();
  reference.close();
  await chrome.kill();
}
