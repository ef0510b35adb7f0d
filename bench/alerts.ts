// Alert digest benchmark: `npm run bench:alerts` (issue 11, decision 020). 10 000 confirmed daily
// subscribers spread over the generated data set's 290 municipalities, each due a digest of the
// stories of its municipality. Measured, each in a process of its own (bench/lib/alert-phase.ts):
//  - the digest run as the scheduler does it: enqueueDigests until nothing is due, then
//    deliverOutbox to a local smtp-server;
//  - the reference in the same run: a bare nodemailer loop handing the same mails, prebuilt, to
//    the same server;
//  - a restart: the delivering process is killed (SIGKILL) in the middle, while the server holds
//    a mail unanswered, and started again; every recipient must have exactly one mail.
// Results go in docs/performance.md as ratios.
import { spawn } from "node:child_process";
import path from "node:path";
import { startHoldingSmtpServer } from "@/tests/setup/smtp-server";

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 10_000);
const KILL_AT = Math.floor(SUBSCRIBERS * 0.4);
// 3 000 stories (not the other benchmarks' 100 000): the digests need recent stories, not a big archive.
process.env.BENCH_STORIES ??= "3000";
const { withGeneratedDatabase } = await import("./lib/harness");

type PhaseResult = { ms: number; enqueueMs: number; peakRssMb: number; mails: number };

/** The local smtp-server: counts mails per recipient, and can hold one unanswered (tests/setup/smtp-server.ts). */
async function startCountingServer() {
  let server = await startHoldingSmtpServer();
  const perRecipient = () => {
    const counts = new Map<string, number>();
    for (const r of server.received) counts.set(r, (counts.get(r) ?? 0) + 1);
    return counts;
  };
  return {
    get url() {
      return server.url;
    },
    total: () => server.received.length,
    perRecipient,
    hold: (after: number, onHold: () => void) => server.hold(after, onHold),
    /** A fresh count on a fresh server. */
    reset: async () => {
      await server.close();
      server = await startHoldingSmtpServer();
    },
    close: () => server.close(),
  };
}

function runPhase(phase: "outbox" | "reference", smtpUrl: string, env: Record<string, string>, onSpawn?: (kill: () => void) => void): Promise<PhaseResult | "killed"> {
  return new Promise((resolve, reject) => {
    // node itself with tsx as a loader, so a kill reaches the process that sends.
    const child = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("bench/lib/alert-phase.ts"), phase, smtpUrl], { env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout!.setEncoding("utf8").on("data", (d: string) => (out += d));
    onSpawn?.(() => child.kill("SIGKILL"));
    child.on("exit", (code, signal) => {
      if (signal === "SIGKILL") return resolve("killed");
      if (code !== 0) return reject(new Error(`${phase} phase exited with ${code}`));
      resolve(JSON.parse(out.trim().split("\n").pop()!) as PhaseResult);
    });
  });
}

await withGeneratedDatabase(async (url) => {
  const { db } = await import("@/lib/db/client");
  const newest = await db().story.findFirstOrThrow({ where: { status: "PUBLISHED" }, orderBy: { publishedAt: "desc" }, select: { publishedAt: true } });
  // An hour after the newest generated story; each digest has the last 60 days' stories of its municipality.
  const now = new Date(newest.publishedAt!.getTime() + 3600_000);
  const env = { DATABASE_URL: url, BENCH_NOW: now.toISOString() };

  /** 10 000 confirmed daily subscriptions, subscriber g to municipality 1 + g % 290, none mailed yet. */
  const resetSubscriptions = async () => {
    await db().$executeRaw`TRUNCATE alert_outbox, alert_subscription, alert_subscriber`;
    await db().$executeRaw`
      INSERT INTO alert_subscriber (id, email, manage_token_hash)
      SELECT md5('sub' || g)::uuid, 'lasare-' || g || '@bench.test', md5('token' || g) FROM generate_series(1, ${SUBSCRIBERS}::int) g`;
    await db().$executeRaw`
      INSERT INTO alert_subscription (subscriber_id, scope, target_id, frequency, confirmed_at, sent_through)
      SELECT md5('sub' || g)::uuid, 'ORGANISATION', md5('org' || (1 + g % 290))::uuid, 'DAILY', ${now}::timestamptz - interval '61 days', ${now}::timestamptz - interval '60 days'
      FROM generate_series(1, ${SUBSCRIBERS}::int) g`;
  };

  const smtp = await startCountingServer();
  try {
    await resetSubscriptions();
    const municipalities = await db().alertSubscription.groupBy({ by: ["targetId"] });
    console.log(`${SUBSCRIBERS} confirmed daily subscribers over ${municipalities.length} municipalities\n`);

    const ours = await runPhase("outbox", smtp.url, env);
    if (ours === "killed") throw new Error("the outbox phase was killed");
    const oursReceived = smtp.total();
    await smtp.reset();
    const reference = await runPhase("reference", smtp.url, env);
    if (reference === "killed") throw new Error("the reference phase was killed");

    console.log("| run | mails | time s | mails/s | peak RSS MB |");
    console.log("|---|---:|---:|---:|---:|");
    for (const [name, r] of [["digests: enqueueDigests + deliverOutbox", ours], ["reference: bare nodemailer loop, prebuilt mails", reference]] as const) {
      console.log(`| ${name} | ${r.mails} | ${(r.ms / 1000).toFixed(1)} | ${((r.mails / r.ms) * 1000).toFixed(0)} | ${r.peakRssMb.toFixed(0)} |`);
    }
    console.log(`\nof which enqueueDigests ${(ours.enqueueMs / 1000).toFixed(1)} s and deliverOutbox ${((ours.ms - ours.enqueueMs) / 1000).toFixed(1)} s`);
    console.log(`ratio to the reference: time ${(ours.ms / reference.ms).toFixed(2)}×, peak RSS ${(ours.peakRssMb / reference.peakRssMb).toFixed(2)}×; mails received ${oursReceived} (outbox) and ${smtp.total()} (reference)`);

    // The restart: kill the delivering process while the server holds mail number KILL_AT + 1.
    await resetSubscriptions();
    await smtp.reset();
    const killed = await runPhase("outbox", smtp.url, env, (kill) => smtp.hold(KILL_AT, kill));
    const byStatus = Object.fromEntries((await db().alertOutbox.groupBy({ by: ["status"], _count: true })).map((r) => [r.status, r._count]));
    console.log(`\nrestart: first process ${killed === "killed" ? "killed" : "NOT killed"} after ${smtp.total()} mails; outbox then ${JSON.stringify(byStatus)}`);
    // The killed process's claimed batch waits for its lease; a restarted scheduler takes it when the lease runs out (here at once).
    await db().$executeRaw`UPDATE alert_outbox SET locked_until = now() - interval '1 second' WHERE status = 'SENDING'`;
    const resumed = await runPhase("outbox", smtp.url, env);
    if (resumed === "killed") throw new Error("the resumed phase was killed");
    const received = smtp.perRecipient();
    const counts = [...received.values()];
    const once = counts.filter((n) => n === 1).length;
    const twice = counts.filter((n) => n > 1).length;
    const missing = SUBSCRIBERS - received.size;
    console.log(`restart: second process sent the rest; recipients with exactly one mail ${once}, with more than one ${twice}, with none ${missing}`);
    if (killed !== "killed" || once !== SUBSCRIBERS) {
      process.exitCode = 1;
      console.error("FAILED: each recipient must get exactly one mail");
    }
  } finally {
    await smtp.close();
  }
});
