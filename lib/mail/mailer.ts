import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

// Outgoing mail (invites and password resets) over SMTP. The transport is made from a URL
// at send time, so the configuration is read when a mail goes out, and a test can point a
// mailer at its own SMTP server. Without SMTP_URL ("local mode") nothing is sent: the link
// is written to the server log and the caller shows it to the administrator instead.

export type Mail = {
  to: string;
  subject: string;
  text: string;
  link: string;
  /** Extra headers, such as List-Unsubscribe and List-Unsubscribe-Post for alerts (RFC 8058). */
  headers?: Record<string, string>;
  /** A Message-ID of our own, so a mail sent again after a crash is recognisably the same mail. */
  messageId?: string;
};

export type Mailer = {
  /** True when mail is not sent but logged: callers then show the link themselves. */
  readonly local: boolean;
  send(mail: Mail): Promise<void>;
  /** Ends a pooled mailer's connection (see createMailer); nothing to do for the others. */
  close(): void;
};

/**
 * `pooled`: one SMTP connection kept open for every mail until close(), for a run that sends
 * many (the alert outbox); otherwise each mail opens and closes its own. A connection costs a
 * handshake and the server's greeting (over 100 ms with smtp-server), more than the mail itself.
 */
export function createMailer(smtpUrl: string | undefined, from: string, opts: { pooled?: boolean } = {}): Mailer {
  if (!smtpUrl) {
    return {
      local: true,
      async send(mail) {
        console.info(`[mail] SMTP_URL is not set, so "${mail.subject}" to ${mail.to} was not sent. Link: ${mail.link}`);
      },
      close() {},
    };
  }
  const sendWith = async (transport: Transporter, mail: Mail) => {
    await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers, messageId: mail.messageId });
    console.info(`[mail] sent "${mail.subject}" to ${mail.to}`);
  };
  if (opts.pooled) {
    let pool: Transporter | undefined;
    return {
      local: false,
      send: (mail) => sendWith((pool ??= nodemailer.createTransport(`${smtpUrl}${smtpUrl.includes("?") ? "&" : "?"}pool=true&maxConnections=1`)), mail),
      close() {
        pool?.close();
        pool = undefined;
      },
    };
  }
  return {
    local: false,
    async send(mail) {
      const transport = nodemailer.createTransport(smtpUrl);
      try {
        await sendWith(transport, mail);
      } finally {
        transport.close();
      }
    },
    close() {},
  };
}

/** The mailer the configuration asks for, read now (not at import). */
export function configuredMailer(opts: { pooled?: boolean } = {}): Mailer {
  const { SMTP_URL, MAIL_FROM } = env();
  return createMailer(SMTP_URL, MAIL_FROM, opts);
}
