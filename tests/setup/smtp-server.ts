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

export async function startSmtpServer(): Promise<{ inbox: Received[]; mailer: Mailer; url: string; close: () => Promise<void> }> {
  const inbox: Received[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("latin1");
        inbox.push({ to: session.envelope.rcptTo.map((r) => r.address), subject: subjectOf(raw), text: bodyText(raw), head: raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ") });
        callback();
      });
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const url = `smtp://127.0.0.1:${port}`;
  return { inbox, mailer: createMailer(url, "Näringslivsnytt <noreply@test.local>"), url, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
