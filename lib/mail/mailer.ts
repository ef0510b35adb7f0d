import "server-only";
import nodemailer from "nodemailer";
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
};

export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      local: true,
      async send(mail) {
        console.info(`[mail] SMTP_URL is not set, so "${mail.subject}" to ${mail.to} was not sent. Link: ${mail.link}`);
      },
    };
  }
  return {
    local: false,
    async send(mail) {
      const transport = nodemailer.createTransport(smtpUrl);
      try {
        await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers, messageId: mail.messageId });
        console.info(`[mail] sent "${mail.subject}" to ${mail.to}`);
      } finally {
        transport.close();
      }
    },
  };
}

/** The mailer the configuration asks for, read now (not at import). */
export function configuredMailer(): Mailer {
  const { SMTP_URL, MAIL_FROM } = env();
  return createMailer(SMTP_URL, MAIL_FROM);
}
