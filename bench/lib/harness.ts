// Shared by the data benchmarks: a throwaway embedded PostgreSQL holding the deterministic
// generated data set, and a table of p50/p95 timings per case.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { migrate } from "@/lib/migrations";
import { startEmbeddedPostgres } from "@/scripts/lib/embedded-pg";
import { generateData } from "@/scripts/lib/generate-data";
import { freePort } from "@/tests/setup/free-port";

export const RUNS = Number(process.env.BENCH_RUNS ?? 50);
export const STORIES = Number(process.env.BENCH_STORIES ?? 100_000);

export type BenchCase = [name: string, run: () => Promise<unknown>, runs?: number];

/** Runs `body` against a fresh database with STORIES generated stories; DATABASE_URL points at it. */
export async function withGeneratedDatabase(body: (url: string) => Promise<void>): Promise<void> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "nn-bench-"));
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, "pg"), port: await freePort(), ephemeral: true });
  process.env.DATABASE_URL = pg.url;
  try {
    await migrate(pg.url);
    const t0 = performance.now();
    await generateData(pg.url, { stories: STORIES });
    console.log(`\n${STORIES} stories generated in ${((performance.now() - t0) / 1000).toFixed(1)} s; ${RUNS} runs per case after 3 warm-up runs; Node ${process.version}\n`);
    await body(pg.url);
    const { disconnectDb } = await import("@/lib/db/client");
    await disconnectDb();
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

/** Prints a Markdown table of p50 and p95 per case, then the process's memory. */
export async function timeCases(cases: BenchCase[], heading = "query"): Promise<void> {
  console.log(`| ${heading} | p50 ms | p95 ms |`);
  console.log("|---|---|---|");
  for (const [name, fn, runs = RUNS] of cases) {
    for (let i = 0; i < 3; i++) await fn();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await fn();
      times.push(performance.now() - t);
    }
    console.log(`| ${name} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} |`);
  }
  console.log(`\nbenchmark process RSS at the end: ${(process.memoryUsage().rss / 1048576).toFixed(0)} MB`);
}
