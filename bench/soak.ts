// `npm run bench:soak`: the production server (server.mjs, what `npm start` runs) under a steady
// mixed load for SOAK_MINUTES (10): stored pages, searches, the health check and a writer's
// saves, each at a fixed rate whatever the answers take (an open loop, so a slow server gets
// no breather). Every 10 s it prints the window's answers, errors, p50/p99 per kind and the
// server's resident memory; at the end the memory slope over the first and the last 5 minutes.
//
// The reference, in the same run: the same page reads at the same rate for 30 s against a bare
// node:http server answering the same bytes from memory (bench/lib/load.ts).
import { TEST_WRITER } from "@/tests/e2e/test-accounts";
import { storyFieldsInput } from "@/tests/factories";
import { createDb } from "@/lib/db/client";
import { freePort } from "@/tests/setup/free-port";
import { actionId, callAction, signIn } from "../scripts/lib/site-client";
import { startTestServer } from "../scripts/lib/test-server";
import { ACCEPT_ENCODING, capture, pssMb, rssMb, startBareNode, type Captured } from "./lib/load";

const MINUTES = Number(process.env.SOAK_MINUTES ?? 10);
const RATES = { page: 40, search: 4, health: 1, save: 1 }; // per second
const WINDOW_MS = 10_000;
const MAX_IN_FLIGHT = 400;

type Kind = keyof typeof RATES;
type Answer = { kind: Kind; at: number; ms: number; ok: boolean; status: number; detail?: string };

const percentile = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
};

/** Least-squares slope of (minute, MB). */
function slope(points: { t: number; mb: number }[]): number {
  const n = points.length;
  if (n < 2) return NaN;
  const mt = points.reduce((a, p) => a + p.t, 0) / n;
  const mm = points.reduce((a, p) => a + p.mb, 0) / n;
  const num = points.reduce((a, p) => a + (p.t - mt) * (p.mb - mm), 0);
  const den = points.reduce((a, p) => a + (p.t - mt) ** 2, 0);
  return num / den;
}

/**
 * Runs `request` for each kind at its rate for `ms`, open loop; `onWindow` every WINDOW_MS.
 * Requests beyond MAX_IN_FLIGHT are counted as errors instead of piling up without end.
 */
async function steady(ms: number, request: (kind: Kind, i: number) => Promise<{ ok: boolean; status: number; detail?: string }>, onWindow?: (answers: Answer[]) => void): Promise<Answer[]> {
  const answers: Answer[] = [];
  const pending = new Set<Promise<void>>();
  const t0 = performance.now();
  const counts: Record<Kind, number> = { page: 0, search: 0, health: 0, save: 0 };
  let window: Answer[] = [];
  let nextWindow = t0 + WINDOW_MS;
  while (performance.now() - t0 < ms) {
    const now = performance.now();
    for (const kind of Object.keys(RATES) as Kind[]) {
      const due = Math.floor(((now - t0) / 1000) * RATES[kind]);
      while (counts[kind] < due) {
        const i = counts[kind]++;
        const start = performance.now();
        if (pending.size >= MAX_IN_FLIGHT) {
          const a = { kind, at: start - t0, ms: 0, ok: false, status: -1 };
          answers.push(a);
          window.push(a);
          continue;
        }
        const p = request(kind, i)
          .catch((err: unknown) => ({ ok: false, status: 0, detail: String((err as Error)?.message ?? err) }))
          .then((r) => {
            const a = { kind, at: start - t0, ms: performance.now() - start, ...r };
            answers.push(a);
            window.push(a);
          })
          .finally(() => pending.delete(p));
        pending.add(p);
      }
    }
    if (now >= nextWindow) {
      onWindow?.(window);
      window = [];
      nextWindow += WINDOW_MS;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  await Promise.all(pending);
  if (window.length) onWindow?.(window);
  return answers;
}

function summary(answers: Answer[], kind: Kind) {
  const mine = answers.filter((a) => a.kind === kind);
  const good = mine.filter((a) => a.ok).map((a) => a.ms);
  return { n: mine.length, errors: mine.length - good.length, p50: percentile(good, 50), p99: percentile(good, 99) };
}

// The server's own warnings, kept to explain any error the soak counts.
const serverLog: string[] = [];
const server = await startTestServer({ port: await freePort(), onOutput: (t) => void (serverLog.length < 2000 && /warn|error|⨯/i.test(t) && serverLog.push(t)) });
let exitCode = 1;
const pid = server.next.pid!;
try {
  const direct = createDb(server.databaseUrl);
  const lerum = await direct.organisation.findUniqueOrThrow({ where: { slug: "lerum" }, select: { id: true } });
  const stories = await direct.story.findMany({ where: { status: "PUBLISHED", kind: "NEWS" }, orderBy: { publishedAt: "desc" }, take: 10, select: { slug: true } });
  await direct.$disconnect();
  const pages = ["/", "/nyheter", "/kommuner/lerum", "/amnen", "/feed.xml", "/sitemap.xml", ...stories.map((s) => `/nyheter/${s.slug}`)];
  const searches = ["hamnen", "lerum", "besöksnäring", "företag", "nätverk", "kommun"];
  const cookie = await signIn(server.url, TEST_WRITER);
  const save = actionId("saveStoryAction", "app/(admin)/admin/artiklar/actions.ts");

  // Stored before the soak, and captured for the reference.
  const captured = new Map<string, Captured>();
  for (const p of pages) {
    await capture(server.url + p);
    captured.set(p, await capture(server.url + p));
  }
  const read = async (base: string, path: string) => {
    const res = await fetch(base + path, { headers: { "accept-encoding": ACCEPT_ENCODING } });
    await res.arrayBuffer();
    return { ok: res.status === 200, status: res.status };
  };

  const bare = await startBareNode(captured);
  const reference = await steady(30_000, (kind, i) => (kind === "page" ? read(bare.url, pages[i % pages.length]!) : Promise.resolve({ ok: true, status: 200 })));
  await bare.stop();
  const ref = summary(reference, "page");

  let storyId: string | null = null;
  let version = 0;
  let saving = Promise.resolve();
  const request = (kind: Kind, i: number): Promise<{ ok: boolean; status: number; detail?: string }> => {
    if (kind === "page") return read(server.url, pages[i % pages.length]!);
    if (kind === "search") return read(server.url, `/sok?q=${encodeURIComponent(searches[i % searches.length]!)}${i % 3 === 0 ? "&sida=2" : ""}`);
    if (kind === "health") return read(server.url, "/api/halsa");
    // Saves of one story follow each other, as an editor's autosaves do.
    const next = saving.then(async () => {
      const fields = storyFieldsInput({ title: `Uthållighetsprov ${i}`, slug: "uthallighetsprov", organisationIds: [lerum.id] });
      const { status, value } = await callAction(server.url, { page: storyId ? `/admin/artiklar/${storyId}` : "/admin/artiklar/ny", id: save, args: [{ id: storyId, version, fields }], cookie });
      const v = value as { ok?: boolean; value?: { id: string; version: number }; error?: string; conflict?: unknown } | undefined;
      if (v?.ok && v.value) {
        storyId = v.value.id;
        version = v.value.version;
      }
      // A refused save names why, so the summary can tell a conflict from a lost session.
      const detail = v?.ok ? undefined : v?.conflict ? "version conflict" : (v?.error ?? (value === undefined ? "no action result" : JSON.stringify(value).slice(0, 160)));
      return { ok: !!v?.ok, status, detail };
    });
    saving = next.then(() => undefined, () => undefined);
    return next;
  };

  const memory: { t: number; rss: number; pss: number }[] = [];
  const startMs = performance.now();
  memory.push({ t: 0, rss: rssMb(pid), pss: pssMb(pid) });
  console.log(`soak: ${MINUTES} min at ${RATES.page} page reads, ${RATES.search} searches, ${RATES.health} health checks and ${RATES.save} save per second\n`);
  console.log(" minute  answers  errors  page p50/p99 ms  search p50/p99 ms  save p50/p99 ms  server RSS MB");
  const answers = await steady(MINUTES * 60_000, request, (window) => {
    const t = (performance.now() - startMs) / 60_000;
    const m = { t, rss: rssMb(pid), pss: pssMb(pid) };
    memory.push(m);
    const f = (kind: Kind) => {
      const s = summary(window, kind);
      return `${s.p50.toFixed(1)}/${s.p99.toFixed(1)}`.padStart(16);
    };
    console.log(`${t.toFixed(2).padStart(7)} ${String(window.length).padStart(8)} ${String(window.filter((a) => !a.ok).length).padStart(7)} ${f("page")} ${f("search").padStart(18)} ${f("save")} ${m.rss.toFixed(0).padStart(14)}`);
  });

  const half = MINUTES / 2;
  const first = slope(memory.filter((m) => m.t <= half).map((m) => ({ t: m.t, mb: m.rss })));
  const last = slope(memory.filter((m) => m.t >= MINUTES - 5).map((m) => ({ t: m.t, mb: m.rss })));
  console.log("\nkind     answers  errors  p50 ms  p99 ms");
  for (const kind of Object.keys(RATES) as Kind[]) {
    const s = summary(answers, kind);
    console.log(`${kind.padEnd(8)} ${String(s.n).padStart(7)} ${String(s.errors).padStart(7)} ${s.p50.toFixed(1).padStart(7)} ${s.p99.toFixed(1).padStart(7)}`);
  }
  const pageSummary = summary(answers, "page");
  console.log(`reference: the same page reads from a bare node:http server for 30 s: p50 ${ref.p50.toFixed(2)} ms, p99 ${ref.p99.toFixed(2)} ms; the site's page reads are ${(pageSummary.p50 / ref.p50).toFixed(1)}× (p50) and ${(pageSummary.p99 / ref.p99).toFixed(1)}× (p99) that`);
  const rss = memory.map((m) => m.rss);
  console.log(`server memory: ${rss[0]!.toFixed(0)} MB at the start, ${Math.max(...rss).toFixed(0)} MB at most, ${rss.at(-1)!.toFixed(0)} MB at the end (PSS ${memory.at(-1)!.pss.toFixed(0)} MB)`);
  console.log(`memory slope: ${first.toFixed(2)} MB/min over the first ${half} min, ${last.toFixed(2)} MB/min over the last ${Math.min(5, MINUTES)} min`);
  const failed = answers.filter((a) => !a.ok);
  const byStatus = new Map<string, number>();
  for (const a of failed) {
    const key = `${a.kind} ${a.status === 0 ? "no answer" : a.status === -1 ? "not sent (too many in flight)" : a.status}${a.detail ? ` (${a.detail})` : ""}`;
    byStatus.set(key, (byStatus.get(key) ?? 0) + 1);
  }
  console.log(`\n${answers.length} requests, ${failed.length} errors${failed.length ? `: ${[...byStatus].map(([k, n]) => `${n} × ${k}`).join(", ")}` : ""}`);
  exitCode = failed.length ? 1 : 0;
} finally {
  await server.stop();
}
if (exitCode) console.log(`the server's warnings and errors:\n${serverLog.join("").slice(-4000)}`);
process.exit(exitCode);
