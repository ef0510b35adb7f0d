// `npm run check:faults`: the production server (server.mjs, what `npm start` runs) under a
// steady mixed load while its database first stops answering for 20 s (a relay in front of
// PostgreSQL holds every byte, as a stopped process or a silent network does) and is then shut
// down and started again (a real restart: connections are ended, new ones refused for 10 s).
// Loopback only, about two minutes after the build.
//
// Checked, and the script exits 1 unless all hold:
//  - no request goes unanswered for longer than HANG_MS, and none answers a bare 500;
//  - stored pages keep answering 200 throughout; pages that need the database answer 503 with
//    Retry-After while it is away; a save answers the editor's Swedish message;
//  - every save the server acknowledged (ok, with its version) is in the database afterwards;
//  - within RECOVERY_TARGET_MS of the database's return, search, health and saves answer again.
import { writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createDb } from "@/lib/db/client";
import { DATABASE_UNAVAILABLE } from "@/lib/db/unavailable";
import { TEST_WRITER } from "@/tests/e2e/test-accounts";
import { storyFieldsInput } from "@/tests/factories";
import { startFreezableProxy } from "@/tests/setup/freezable-proxy";
import { freePort } from "@/tests/setup/free-port";
import { ensureBuild, startNextServer } from "./lib/next-server";
import { actionId, callAction, signIn } from "./lib/site-client";
import { startTestDatabase } from "./lib/test-server";

const HANG_MS = 30_000; // twice the statement time-out (DB_STATEMENT_TIMEOUT_MS, 15 s)
const RECOVERY_TARGET_MS = 5_000;
const FREEZE_MS = 20_000;
const DOWN_MS = 10_000;
const SETTLE_MS = 15_000;

type Kind = "stored page" | "search" | "health" | "save";
type Sample = { kind: Kind; start: number; end: number; status: number; note: string; phase: string };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const samples: Sample[] = [];
const serverLog: string[] = [];
let phase = "before";
let running = true;

const database = await startTestDatabase();
const pgUrl = new URL(database.databaseUrl);
const relay = await startFreezableProxy({ host: pgUrl.hostname, port: Number(pgUrl.port) });
ensureBuild(database);
const server = await startNextServer({ ...database, databaseUrl: relay.url(database.databaseUrl), port: await freePort(), onOutput: (t) => serverLog.push(t) });
const direct = createDb(database.databaseUrl);
const lerum = await direct.organisation.findUniqueOrThrow({ where: { slug: "lerum" }, select: { id: true } });
const cookie = await signIn(server.url, TEST_WRITER);
const save = actionId("saveStoryAction", "app/(admin)/admin/artiklar/actions.ts");

async function timed(kind: Kind, run: (signal: AbortSignal) => Promise<{ status: number; note?: string }>): Promise<{ status: number; note: string }> {
  const start = performance.now();
  const p = phase;
  const out = await run(AbortSignal.timeout(HANG_MS)).catch((err: unknown) => ({ status: 0, note: (err as Error).name === "TimeoutError" ? "hang" : String(err) }));
  samples.push({ kind, start, end: performance.now(), status: out.status, note: out.note ?? "", phase: p });
  return { status: out.status, note: out.note ?? "" };
}

async function get(kind: Kind, path: string, signal: AbortSignal) {
  const res = await fetch(server.url + path, { headers: { "accept-encoding": "gzip, br" }, signal });
  const body = await res.text();
  const note = res.status === 503 ? (res.headers.get("retry-after") ? "503 with Retry-After" : "503 without Retry-After") : res.status >= 500 && !body.includes("lang=\"sv\"") ? "bare error" : "";
  const page = res.headers.get("content-type")?.startsWith("text/html");
  return { status: res.status, note: kind === "stored page" && (res.status !== 200 || (page && !body.includes("<main"))) ? `${path} ${page ? "without its page" : ""}` : note };
}

/** A reader loop: `path` again and again, with a pause. */
async function loop(kind: Kind, paths: string[], pauseMs: number) {
  for (let i = 0; running; i++) {
    await timed(kind, (signal) => get(kind, paths[i % paths.length]!, signal));
    await sleep(pauseMs);
  }
}

// The writer: one story, saved again and again with a new title, as autosave does.
type Ack = { version: number; title: string };
const acknowledged: Ack[] = [];
let storyId: string | null = null;
let version = 0;
async function writer() {
  for (let n = 1; running; n++) {
    const title = `Felprov ${n}: sparat medan databasen ${phase}`;
    const fields = storyFieldsInput({ title, slug: "felprov", organisationIds: [lerum.id] });
    const out = await timed("save", async (signal) => {
      const { status, value } = await callAction(server.url, { page: storyId ? `/admin/artiklar/${storyId}` : "/admin/artiklar/ny", id: save, args: [{ id: storyId, version, fields }], cookie, signal });
      const v = value as { ok?: boolean; error?: string; value?: { id: string; version: number }; conflict?: unknown } | undefined;
      if (v?.ok && v.value) {
        storyId = v.value.id;
        version = v.value.version;
        acknowledged.push({ version, title });
        return { status, note: "saved" };
      }
      if (v?.conflict && storyId) {
        // An earlier save was committed but its answer lost: carry on from what is stored.
        version = (await direct.story.findUniqueOrThrow({ where: { id: storyId }, select: { version: true } })).version;
        return { status, note: "conflict (an unanswered save had been stored)" };
      }
      return { status, note: v?.error === DATABASE_UNAVAILABLE ? "Swedish unavailable message" : `unexpected: ${JSON.stringify(value)?.slice(0, 160)}` };
    });
    await sleep(out.note === "saved" ? 300 : 1000);
  }
}

const story = await direct.story.findFirstOrThrow({ where: { status: "PUBLISHED", kind: "NEWS" }, orderBy: { publishedAt: "desc" }, select: { slug: true } });
const marks: Record<string, number> = {};
const workers = [
  loop("stored page", ["/", `/nyheter/${story.slug}`, "/nyheter", "/kommuner/lerum"], 50),
  loop("stored page", ["/amnen", "/feed.xml", "/sitemap.xml", "/natverk"], 50),
  loop("search", ["/sok?q=hamnen", "/sok?q=besok", "/sok?q=lerum"], 250),
  loop("health", ["/api/halsa"], 500),
  writer(),
];

try {
  // Every stored page once, so the load finds them stored.
  await sleep(SETTLE_MS);
  phase = "frozen";
  marks.freeze = performance.now();
  relay.freeze();
  await sleep(FREEZE_MS);
  relay.thaw();
  marks.thaw = performance.now();
  phase = "after the freeze";
  await sleep(SETTLE_MS);
  phase = "restarting";
  marks.stop = performance.now();
  await database.stopPostgres();
  await sleep(DOWN_MS);
  await database.startPostgres();
  marks.started = performance.now();
  phase = "after the restart";
  await sleep(SETTLE_MS);
} finally {
  running = false;
  await Promise.all(workers);
}

// Every acknowledged save must be stored: its version, with its title.
const revisions = storyId ? await direct.storyRevision.findMany({ where: { storyId }, select: { version: true, snapshot: true } }) : [];
const stored = new Map(revisions.map((r) => [r.version, (r.snapshot as { title?: string }).title]));
const lost = acknowledged.filter((a) => stored.get(a.version) !== a.title);
await direct.$disconnect();
await server.stop();
await relay.close();
await database.stop();

/** From the database's return: when each kind of database request first succeeded again. */
function recovery(from: number) {
  const first = (kind: Kind) => samples.filter((s) => s.kind === kind && s.start >= from && (kind === "save" ? s.note === "saved" : s.status === 200)).sort((a, b) => a.end - b.end)[0];
  const kinds: Kind[] = ["search", "health", "save"];
  const times = kinds.map((k) => [k, first(k) ? first(k)!.end - from : Infinity] as const);
  return { ms: Math.max(...times.map(([, t]) => t)), detail: times.map(([k, t]) => `${k} ${Number.isFinite(t) ? `${(t / 1000).toFixed(2)} s` : "never"}`).join(", ") };
}

const failures: string[] = [];
console.log("\nphase                  kind          answers");
for (const p of ["before", "frozen", "after the freeze", "restarting", "after the restart"]) {
  for (const kind of ["stored page", "search", "health", "save"] as Kind[]) {
    const mine = samples.filter((s) => s.phase === p && s.kind === kind);
    const counts = new Map<string, number>();
    for (const s of mine) counts.set(`${s.status || "none"}${s.note ? ` ${s.note}` : ""}`, (counts.get(`${s.status || "none"}${s.note ? ` ${s.note}` : ""}`) ?? 0) + 1);
    const slowest = Math.max(0, ...mine.map((s) => s.end - s.start));
    console.log(`${p.padEnd(22)} ${kind.padEnd(13)} ${[...counts].map(([k, n]) => `${n}× ${k}`).join(", ")} (slowest ${(slowest / 1000).toFixed(1)} s)`);
  }
}
for (const s of samples) {
  if (s.note === "hang") failures.push(`a ${s.kind} request got no answer within ${HANG_MS / 1000} s (${s.phase})`);
  else if (s.status === 0) failures.push(`a ${s.kind} request failed without an answer (${s.phase}): ${s.note}`);
  else if (s.status >= 500 && s.note !== "503 with Retry-After") failures.push(`a ${s.kind} request answered ${s.status} ${s.note} (${s.phase})`);
  if (s.kind === "stored page" && (s.status !== 200 || s.note)) failures.push(`a stored page answered ${s.status} ${s.note} (${s.phase})`);
  if (s.kind === "save" && s.note.startsWith("unexpected")) failures.push(`a save answered ${s.note} (${s.phase})`);
}
for (const [name, from] of [["the freeze", marks.thaw], ["the restart", marks.started]] as const) {
  const r = recovery(from!);
  console.log(`recovery after ${name}: ${r.detail}`);
  if (r.ms > RECOVERY_TARGET_MS) failures.push(`recovery after ${name} took ${Number.isFinite(r.ms) ? `${(r.ms / 1000).toFixed(2)} s` : "forever"} (target ${RECOVERY_TARGET_MS / 1000} s)`);
}
const errorLines = serverLog.join("").split("\n").filter((l) => /\b(TypeError|ReferenceError|unhandled|uncaught)\b/i.test(l));
for (const l of errorLines.slice(0, 5)) failures.push(`server log: ${l.slice(0, 200)}`);
console.log(`saves acknowledged: ${acknowledged.length}, lost: ${lost.length}${lost.length ? ` (versions ${lost.map((l) => l.version).join(", ")})` : ""}`);
if (lost.length) failures.push(`${lost.length} acknowledged saves are not in the database`);
if (acknowledged.length === 0) failures.push("no save was acknowledged at all");

console.log(`\n${samples.length} requests, ${samples.filter((s) => s.note === "hang").length} hangs, ${lost.length} lost saves, ${failures.length} failures`);
for (const f of [...new Set(failures)].slice(0, 30)) console.log(`  ✗ ${f}`);
if (failures.length) {
  const logFile = path.join(os.tmpdir(), "check-faults-server.log");
  writeFileSync(logFile, serverLog.join(""));
  console.log(`the server's output is in ${logFile}`);
}
process.exit(failures.length ? 1 : 0);
