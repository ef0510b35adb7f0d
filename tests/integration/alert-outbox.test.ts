import { spawn } from "node:child_process";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox, enqueueMails, messageIdFor, type OutboxMail } from "@/lib/db/alert-outbox";
import { db } from "@/lib/db/client";
import { createMailer } from "@/lib/mail/mailer";
import { freePort } from "../setup/free-port";
import { startSmtpServer } from "../setup/smtp-server";

// The alert outbox (decision 020) against real PostgreSQL and a real SMTP server: enqueueing
// twice adds nothing, and a worker process killed in the middle of a run is resumed by another
// so that every recipient gets exactly one mail.

const c = db;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp.close());

const mails = (prefix: string, n: number): OutboxMail[] =>
  Array.from({ length: n }, (_, i) => ({
    dedupeKey: `${prefix}:${i}`,
    to: `${prefix}-${i}@foretag.test`,
    subject: `Nytt från Lerum ${i}`,
    text: `Hej! En ny nyhet om Lerum: nummer ${i}.`,
    headers: { "List-Unsubscribe": `<https://naringslivsnytt.test/api/bevakning/avsluta/${prefix}${i}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" },
  }));

describe("the alert outbox", () => {
  it("adds a mail once however often it is enqueued, and sends it with its headers and Message-ID", async () => {
    expect(await enqueueMails(c(), mails("ett", 3))).toBe(3);
    expect(await enqueueMails(c(), mails("ett", 4))).toBe(1);
    const before = smtp.inbox.length;
    expect(await deliverOutbox(c(), smtp.mailer, { host: "naringslivsnytt.test" })).toEqual({ sent: 4, failed: 0 });
    expect(smtp.inbox.slice(before).map((m) => m.to[0]).sort()).toEqual(["ett-0@foretag.test", "ett-1@foretag.test", "ett-2@foretag.test", "ett-3@foretag.test"]);
    const row = await c().alertOutbox.findUniqueOrThrow({ where: { dedupeKey: "ett:0" } });
    expect(row).toMatchObject({ status: "SENT", messageId: messageIdFor(row.id, "naringslivsnytt.test"), attempts: 1 });
    expect(await deliverOutbox(c(), smtp.mailer, { host: "naringslivsnytt.test" })).toEqual({ sent: 0, failed: 0 });
  });

  it("keeps a mail the SMTP server would not take and tries it again later", async () => {
    await enqueueMails(c(), mails("tva", 1));
    const nobody = createMailer(`smtp://127.0.0.1:${await freePort()}`, "x <x@test.local>");
    expect(await deliverOutbox(c(), nobody, { host: "naringslivsnytt.test" })).toEqual({ sent: 0, failed: 1 });
    const row = await c().alertOutbox.findUniqueOrThrow({ where: { dedupeKey: "tva:0" } });
    expect(row.status).toBe("PENDING");
    expect(row.lockedUntil!.getTime()).toBeGreaterThan(Date.now());
    // Not due yet, so even a working server gets nothing now.
    expect(await deliverOutbox(c(), smtp.mailer, { host: "naringslivsnytt.test" })).toEqual({ sent: 0, failed: 0 });
  });

  it("a worker killed in the middle is resumed by the next, and each recipient gets exactly one mail", async () => {
    const total = 40;
    const killAt = 17;
    await enqueueMails(c(), mails("tre", total));
    // A server of its own that takes `killAt` mails, then kills the worker while the next mail's
    // data is arriving, before accepting it: the worker dies holding a claimed batch.
    const received: string[] = [];
    const child: { worker?: ReturnType<typeof spawn> } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      // The unanswered session of the killed worker must not hold close() for the default 30 s.
      closeTimeout: 100,
      onData(stream, session, callback) {
        stream.resume();
        stream.on("end", () => {
          // No answer to this mail: the worker waits for it until it is killed.
          if (received.length >= killAt) {
            child.worker?.kill("SIGKILL");
            return;
          }
          received.push(session.envelope.rcptTo[0]!.address);
          callback();
        });
      },
    });
    const port = await freePort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    // node itself with tsx as a loader (not the tsx command, whose node child would outlive the kill).
    const worker = (child.worker = spawn(process.execPath, ["--import", "tsx", "--conditions=react-server", path.resolve("tests/setup/outbox-worker.ts"), `smtp://127.0.0.1:${port}`], { env: process.env, stdio: ["ignore", "pipe", "inherit"] }));
    const exit = await new Promise<NodeJS.Signals | number | null>((resolve) => worker.on("exit", (code, signal) => resolve(signal ?? code)));
    expect(exit).toBe("SIGKILL");
    await new Promise<void>((resolve) => server.close(() => resolve()));
    expect(received).toHaveLength(killAt);

    const counts = await c().alertOutbox.groupBy({ by: ["status"], where: { dedupeKey: { startsWith: "tre:" } }, _count: true });
    const byStatus = Object.fromEntries(counts.map((r) => [r.status, r._count]));
    expect(byStatus.SENT).toBe(killAt);
    // The killed worker's claimed batch is held by its lease until it runs out.
    expect(byStatus.SENDING).toBeGreaterThan(0);
    await c().$executeRaw`UPDATE alert_outbox SET locked_until = now() - interval '1 second' WHERE status = 'SENDING'`;

    const before = smtp.inbox.length;
    expect(await deliverOutbox(c(), smtp.mailer, { host: "naringslivsnytt.test" })).toEqual({ sent: total - killAt, failed: 0 });
    const all = [...received, ...smtp.inbox.slice(before).map((m) => m.to[0]!)];
    expect(all.sort()).toEqual(mails("tre", total).map((m) => m.to).sort());
    expect(new Set(all).size).toBe(total);
  });
});
