// Page benchmark: `npm run bench:pages`. Starts a throwaway site (demo content, production
// build), then for every public page type measures the first request (cache miss) and a
// warm run of repeated requests (cache hits), counts the SQL statements Postgres executed
// during the warm run, and reports the server's memory. Results go in docs/performance.md.
import { readFileSync } from "node:fs";
import { startTestServer } from "@/scripts/lib/test-server";

const PATHS = [
  "/",
  "/nyheter",
  "/nyheter/lerum-med-i-svenskt-naringslivs-utvecklingsprogram",
  "/intervjuer/ett-natverk-som-gar-over-kommungranserna",
  "/natverk/naringslivsnatverket-goteborgsregionen",
  "/kommuner",
  "/kommuner/lerum",
  "/amnen/foretagsklimat",
  "/personer/pia-areblad",
  "/tillganglighet",
];
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);

let statements = 0;
const server = await startTestServer({
  port: 3400,
  pgLog: (line) => {
    statements += (line.match(/LOG:\s+(statement|execute)/g) ?? []).length;
  },
});

async function timed(url: string): Promise<number> {
  const t = performance.now();
  const res = await fetch(url);
  await res.arrayBuffer();
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return performance.now() - t;
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))![1]) / 1024;

try {
  const rows: string[] = [];
  let warmStatements = 0;
  for (const path of PATHS) {
    const url = server.url + path;
    const before = statements;
    const cold = await timed(url);
    const coldStatements = statements - before;
    const warmStart = statements;
    const times: number[] = [];
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < REQUESTS) {
          next++;
          times.push(await timed(url));
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    await new Promise((r) => setTimeout(r, 200)); // let the last log lines arrive
    const hits = statements - warmStart;
    warmStatements += hits;
    rows.push(
      `| ${path} | ${cold.toFixed(0)} | ${coldStatements} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${(REQUESTS / seconds).toFixed(0)} | ${hits} |`,
    );
  }
  console.log(`\n${REQUESTS} warm requests per page, concurrency ${CONCURRENCY}, Node ${process.version}\n`);
  console.log("| page | first request ms | SQL statements, first request | warm p50 ms | warm p95 ms | warm req/s | SQL statements, warm run |");
  console.log("|---|---|---|---|---|---|---|");
  console.log(rows.join("\n"));
  console.log(`\nSQL statements during all warm runs: ${warmStatements}`);
  console.log(`next-server RSS after the run: ${rssMb(server.next.pid!).toFixed(0)} MB`);
} finally {
  await server.stop();
}
