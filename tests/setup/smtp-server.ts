import { SMTPServer } from "smtp-server";
import { createMailer, type Mailer } from "@/lib/mail/mailer";
import { freePort } from "./free-port";

// A real SMTP server on a loopback port for integration tests: every mail it receives lands in
// `inbox` with its recipients and its decoded text, and `mailer` sends to it.

export type Received = { to: string[]; subject: string; text: string; /** The raw header block, folded lines joined. */ head: string };

/** The text of a single-part mail, undoing the transfer encoding nodemailer chose. */
function bodyText(raw: string): string {
  const split = raw.indexOf("\r\n\r\n");
  const head = raw.slice(0, split);
  const body = raw.slice(split + 4);
  const encoding = /content-transfer-encoding:\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  if (encoding === "base64") return Buffer.from(body, "base64").toString("utf8");
  if (encoding === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

/** The Subject header, decoding RFC 2047 words (nodemailer encodes non-ASCII subjects). */
function subjectOf(raw: string): string {
  const head = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
  const value = /^subject:\s*(.*)$/im.exec(head)?.[1] ?? "";
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, enc: string, text: string) =>
      enc.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, h: string) => String.fromCharCode(parseInt(h, 16))), "latin1").toString("utf8"),
    );
}

/** `onMail` also gets each mail as it arrives (the end-to-end server writes it to a mailbox folder). */
export async function startSmtpServer(opts: { onMail?: (mail: Received) => void } = {}): Promise<{ inbox: Received[]; mailer: Mailer; url: string; close: () => Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS lookup of the client: offline, each one waits for a resolver time-out.
    disableReverseLookup: true,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        const mail = { to: session.envelope.rcptTo.map((r) => r.address), subject: subjectOf(raw), text: bodyText(raw), head: raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ") };
        inbox.push(mail);
        opts.onMail?.(mail);
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${port}`;
  return { inbox, mailer: createMailer(url, "Näringslivsnytt <noreply@test.local>"), url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/**
 * A server that records each accepted mail's recipients and can be told to leave a mail
 * unanswered: after `hold(n, onHold)` it accepts n mails, then calls `onHold` while the next
 * one's data has arrived but is not answered (a test kills the sending process there, outside
 * the window between the server's accept and the outbox's mark).
 */
export async function startHoldingSmtpServer() {
  const received: string[] = [];
  const state: { after?: number; onHold?: () => void } = {};
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    // No reverse DNS lookup of the client: offline, each one waits for a resolver time-out.
    disableReverseLookup: true,
    logger: false,
    // The unanswered session of a killed sender must not hold close() for the default 30 s.
    closeTimeout: 100,
    onData(stream, session, callback) {
      stream.resume();
      stream.on("end", () => {
        if (state.after !== undefined && received.length >= state.after) {
          const onHold = state.onHold;
          state.after = state.onHold = undefined;
          onHold?.();
          return;
        }
        received.push(...session.envelope.rcptTo.map((r) => r.address));
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    hold(after: number, onHold: () => void) {
      state.after = after;
      state.onHold = onHold;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
