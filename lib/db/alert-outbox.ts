import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import type { Mailer } from "@/lib/mail/mailer";

// The alert outbox (issue 11, decision 020): every alert mail is a row before it is handed to
// SMTP. Enqueueing is idempotent by `dedupe_key`; delivery claims rows with FOR UPDATE SKIP
// LOCKED under a lease, sends each with a Message-ID made from its id, and marks it SENT at
// once. A worker killed after its claim leaves rows whose lease runs out and are claimed again;
// the one window that can repeat a mail is between the SMTP server's accept and the mark, and
// the repeat carries the same Message-ID.

type Client = PrismaClient | Prisma.TransactionClient;

export type OutboxMail = { dedupeKey: string; subscriberId?: string | null; to: string; subject: string; text: string; headers: Record<string, string> };

/** Adds the mails not already in the outbox; answers how many were new. */
export async function enqueueMails(client: Client, mails: OutboxMail[]): Promise<number> {
  let added = 0;
  // In slices, so a digest for thousands of subscribers stays within PostgreSQL's parameter limit.
  for (let i = 0; i < mails.length; i += 1000) {
    const slice = mails.slice(i, i + 1000);
    const rows = slice.map((m) => Prisma.sql`(${m.dedupeKey}, ${m.subscriberId ?? null}::uuid, ${m.to}, ${m.subject}, ${m.text}, ${JSON.stringify(m.headers)}::jsonb)`);
    added += await client.$executeRaw`
      INSERT INTO alert_outbox (dedupe_key, subscriber_id, to_address, subject, text, headers)
      VALUES ${Prisma.join(rows)}
      ON CONFLICT (dedupe_key) DO NOTHING`;
  }
  return added;
}

type Claimed = { id: bigint; to_address: string; subject: string; text: string; headers: Record<string, string>; attempts: number };

/** Claims up to `limit` mails that are waiting, or whose sender's lease ran out. */
async function claim(client: PrismaClient, limit: number, leaseMs: number): Promise<Claimed[]> {
  return client.$queryRaw<Claimed[]>`
    UPDATE alert_outbox SET status = 'SENDING', locked_until = now() + ${leaseMs} * interval '1 millisecond', attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM alert_outbox
      WHERE (status = 'PENDING' AND (locked_until IS NULL OR locked_until <= now())) OR (status = 'SENDING' AND locked_until <= now())
      ORDER BY id FOR UPDATE SKIP LOCKED LIMIT ${limit})
    RETURNING id, to_address, subject, text, headers, attempts`;
}

export type DeliveryOptions = {
  /** The host part of the Message-ID: the site's own name. */
  host: string;
  /** Mails claimed at a time. */
  batch?: number;
  /** How long a claim holds before another worker may take the mail. */
  leaseMs?: number;
  /** The most mails one run sends, so a scheduler tick ends. */
  most?: number;
};

export const messageIdFor = (id: bigint, host: string) => `<alert-${id}@${host}>`;

/** Sends what is due; a failed mail waits a while (longer each attempt) and is tried again. */
export async function deliverOutbox(client: PrismaClient, mailer: Mailer, options: DeliveryOptions): Promise<{ sent: number; failed: number }> {
  const { host, batch = 50, leaseMs = 5 * 60_000, most = 5000 } = options;
  let sent = 0;
  let failed = 0;
  while (sent + failed < most) {
    const claimed = await claim(client, Math.min(batch, most - sent - failed), leaseMs);
    if (!claimed.length) break;
    for (const mail of claimed) {
      try {
        const link = /<([^>]+)>/.exec(mail.headers["List-Unsubscribe"] ?? "")?.[1] ?? "";
        await mailer.send({ to: mail.to_address, subject: mail.subject, text: mail.text, headers: mail.headers, messageId: messageIdFor(mail.id, host), link });
        await client.$executeRaw`UPDATE alert_outbox SET status = 'SENT', sent_at = now(), message_id = ${messageIdFor(mail.id, host)}, locked_until = NULL WHERE id = ${mail.id}`;
        sent++;
      } catch (err) {
        failed++;
        const waitMs = Math.min(2 ** mail.attempts * 60_000, 6 * 3600_000);
        console.warn(`[alerts] mail ${mail.id} to ${mail.to_address} failed (attempt ${mail.attempts}): ${(err as Error).message}`);
        await client.$executeRaw`UPDATE alert_outbox SET status = 'PENDING', locked_until = now() + ${waitMs} * interval '1 millisecond' WHERE id = ${mail.id}`;
      }
    }
  }
  return { sent, failed };
}
