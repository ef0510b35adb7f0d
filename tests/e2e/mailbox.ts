import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import type { Received } from "../setup/smtp-server";

// The mails the end-to-end site sent, as its real SMTP server received them (scripts/e2e-server.ts
// writes each into E2E_MAILBOX_DIR). Mails arrive after the scheduler's next tick, so a reader
// polls until the mail is there, up to a deadline.

const MAILBOX_DIR = ".data/e2e-mailbox";

/** Every mail to `address` so far, oldest first. */
export async function mailsTo(address: string): Promise<Received[]> {
  const names = (await readdir(MAILBOX_DIR).catch(() => [] as string[])).filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort();
  const mails = await Promise.all(names.map(async (n) => JSON.parse(await readFile(path.join(MAILBOX_DIR, n), "utf8")) as Received));
  return mails.filter((m) => m.to.includes(address.toLowerCase()));
}

/** The first mail to `address` that `matches`, waiting for it up to `timeoutMs`; throws with what did arrive. */
export async function waitForMail(address: string, matches: (mail: Received) => boolean = () => true, timeoutMs = 20_000): Promise<Received> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await mailsTo(address)).find(matches);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`no matching mail to ${address} within ${timeoutMs} ms; got: ${JSON.stringify((await mailsTo(address)).map((m) => m.subject))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A header's value from a received mail's header block (folded lines are already joined). */
export function headerOf(mail: Received, name: string): string | undefined {
  return new RegExp(`^${name}:\\s*(.*)$`, "im").exec(mail.head.replace(/\r\n/g, "\n"))?.[1]?.trim();
}
