// `npm test`: lint, typecheck, unit and integration tests (Vitest, real PostgreSQL), a
// production build, and end-to-end tests (Playwright in Chromium). Every step runs even when
// an earlier one fails, and the run ends with one line: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { BUILD_HASH_FILE, sourceHash } from "./lib/build-hash";
import { buildWithThrowawayDatabase } from "./lib/build";
import { countPlaywright, countVitest, type StepCount } from "./lib/test-summary";

const REPORTS = ".data/reports";
rmSync(REPORTS, { recursive: true, force: true });
mkdirSync(REPORTS, { recursive: true });

let passed = 0;
let failed = 0;
const lines: string[] = [];

function run(cmd: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${cmd} ${args.join(" ")}`);
  const res = spawnSync(cmd, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  return res.status === 0;
}

function check(name: string, ok: boolean) {
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? "✓" : "✗"} ${name}`);
}

function step(name: string, count: StepCount) {
  passed += count.passed;
  failed += count.failed;
  lines.push(`${count.ok ? "✓" : "✗"} ${name}: ${count.passed} passed, ${count.failed} failed`);
}

function readJson(file: string): Record<string, unknown> | null {
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>) : null;
}

check("lint", run("node_modules/.bin/eslint", ["--max-warnings=0", "."]));
check("typecheck", run("node_modules/.bin/tsc", ["--noEmit"]));

const vitestOk = run("node_modules/.bin/vitest", ["run", "--reporter=default", "--reporter=json", `--outputFile.json=${REPORTS}/vitest.json`]);
const vitest = readJson(`${REPORTS}/vitest.json`) as Parameters<typeof countVitest>[0] | null;
if (vitest) step("unit and integration", countVitest(vitest, vitestOk));
else check("unit and integration (no report)", false);

console.log("\n▶ next build (with a throwaway database)");
const buildOk = await buildWithThrowawayDatabase();
check("production build", buildOk);
if (buildOk) {
  writeFileSync(BUILD_HASH_FILE, sourceHash());
  const e2eOk = run("node_modules/.bin/playwright", ["test"], { PLAYWRIGHT_JSON_OUTPUT_NAME: `${REPORTS}/playwright.json` });
  const pw = readJson(`${REPORTS}/playwright.json`) as Parameters<typeof countPlaywright>[0] | null;
  if (pw) step("end-to-end", countPlaywright(pw, e2eOk));
  else check("end-to-end (no report)", false);
}

const summary = `${passed} passed, ${failed} failed`;
writeFileSync(`${REPORTS}/summary.txt`, summary + "\n");
console.log(`\n${lines.join("\n")}\n${summary}`);
process.exit(failed ? 1 : 0);
