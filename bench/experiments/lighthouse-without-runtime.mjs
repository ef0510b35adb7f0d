// Experiment behind docs/performance.md (2026-12-03): Lighthouse on the same pages through two
// proxies in front of a running site (`PORT=3900 npm start`), one passing the HTML as it is and
// one removing every <script> but JSON-LD. Not part of any test; run with
// `node bench/experiments/lighthouse-without-runtime.mjs`.
import { createServer, request } from "node:http";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
const UP = 3900;
function proxy(strip) {
  return createServer((req, res) => {
    const up = request({ host: "127.0.0.1", port: UP, path: req.url, method: req.method, headers: { ...req.headers, host: `127.0.0.1:${UP}`, "accept-encoding": "identity" } }, (r) => {
      const type = r.headers["content-type"] ?? "";
      if (!type.includes("text/html")) { res.writeHead(r.statusCode, r.headers); r.pipe(res); return; }
      const chunks = []; r.on("data", (c) => chunks.push(c)); r.on("end", () => {
        let html = Buffer.concat(chunks).toString("utf8");
        if (strip) html = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (m) => (m.includes("application/ld+json") ? m : "")).replace(/<link rel="preload" as="script"[^>]*>/g, "");
        const h = { ...r.headers }; delete h["content-length"]; delete h["transfer-encoding"];
        res.writeHead(r.statusCode, h); res.end(html);
      });
    });
    req.pipe(up);
  });
}
const a = proxy(false), b = proxy(true);
await new Promise((r) => a.listen(3911, r)); await new Promise((r) => b.listen(3912, r));
const chrome = await chromeLauncher.launch({ chromePath: "/usr/bin/chromium", chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
for (const path of ["/", "/nyheter/lerum-med-i-svenskt-naringslivs-utvecklingsprogram", "/kommuner/lerum"]) {
  for (const [name, port] of [["with runtime", 3911], ["scripts stripped", 3912]]) {
    const scores = [];
    for (let i = 0; i < 3; i++) {
      const { lhr } = await lighthouse(`http://127.0.0.1:${port}${path}`, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance"] });
      scores.push([Math.round(lhr.categories.performance.score * 100), Math.round(lhr.audits["largest-contentful-paint"].numericValue), Math.round(lhr.audits["total-blocking-time"].numericValue), lhr.audits["cumulative-layout-shift"].numericValue.toFixed(3)]);
    }
    scores.sort((x, y) => x[0] - y[0]);
    console.log(path, name, JSON.stringify(scores));
  }
}
await chrome.kill(); a.close(); b.close();
