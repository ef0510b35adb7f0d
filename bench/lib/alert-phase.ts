// One phase of bench/alerts.ts in a process of its own, so its time and peak memory are its
// own and the restart test can kill it: `node --import tsx --conditions=react-server
// bench/lib/alert-phase.ts <outbox|reference> <smtp url>` with DATABASE_URL set. Prints one
// JSON line last: { ms, enqueueMs, peakRssMb, mails }.
import nodemailer from "nodemailer";
import { createDb } from "@/lib/db/client";
import { deliverOutbox } from "@/lib/db/alert-outbox";
import { enqueueDigests } from "@/lib/db/alerts";
import { createMailer } from "@/lib/mail/mailer";

const [phase, smtpUrl] = process.argv.slice(2);
const now = new Date(process.env.BENCH_NOW!);
const client = createDb(process.env.DATABASE_URL!);
const FROM = "Näringslivsnytt <noreply@bench.test>";

let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);

let mails = 0;
let ms = 0;
let enqueueMs = 0;
if (phase === "outbox") {
  const t = performance.now();
  // The digest run as the scheduler does it: every due subscription (2 000 a call), then the outbox.
  for (;;) {
    const { mails: added } = await enqueueDigests(client, "DAILY", { siteUrl: "https://naringslivsnytt.bench", secret: "bench-secret-that-is-long-enough-0123456789", now });
    mails += added;
    if (!added) break;
  }
  enqueueMs = performance.now() - t;
  const mailer = createMailer(smtpUrl, FROM, { pooled: true });
  await deliverOutbox(client, mailer, { host: "naringslivsnytt.bench", most: 1_000_000 });
  mailer.close();
  ms = performance.now() - t;
} else {
  // The reference: the same mails, already built (read before the clock starts), by a bare nodemailer loop.
  const rows = await client.alertOutbox.findMany({ select: { toAddress: true, subject: true, text: true, headers: true }, orderBy: { id: "asc" } });
  // One connection for every mail, as the outbox's pooled mailer keeps.
  const transport = nodemailer.createTransport(`${smtpUrl}?pool=true&maxConnections=1`);
  const t = performance.now();
  for (const r of rows) await transport.sendMail({ from: FROM, to: r.toAddress, subject: r.subject, text: r.text, headers: r.headers as Record<string, string> });
  ms = performance.now() - t;
  transport.close();
  mails = rows.length;
}
clearInterval(sampler);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ ms, enqueueMs, peakRssMb: peak / 1048576, mails }));
await client.$disconnect();
