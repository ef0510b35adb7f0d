import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/env";
import { parseFields } from "@/lib/validation/form";
import { audit } from "./audit";
import { changeFrequency, changeFrequencySchema, confirmSubscription, subscribe, subscribeSchema, unsubscribe, type AlertContext } from "./alerts";

// The readers' alert commands (decision 020), in the order every mutation follows: zod, the
// authority for this very record (a reader has no session: the one-time confirm token or the
// manage token is the authority, checked in lib/db/alerts.ts), the change, the audit entry.
// Audit entries name the list or subscription, never the address, so erasing an address
// (lib/db/personal-data/alerts.ts) leaves nothing of it in the append-only log.

/** Subscription requests one client address may make in an hour, and confirm mails one address may get. */
export const SUBSCRIBE_LIMITS = { perIpPerHour: 20, perAddressPerHour: 5 } as const;
const HOUR_MS = 3600_000;
export const RATE_LIMITED = "Du har gjort för många försök på kort tid. Vänta en stund och försök igen.";

type Result = { ok: true } | { ok: false; fieldErrors?: Record<string, string>; error?: string };

/**
 * Whether this client or this address has asked too often. Requests are counted in the audit
 * log (one entry per accepted request, with the client's address) and confirm mails in the
 * outbox, so the limits hold across server instances without a table of their own.
 */
async function overLimit(client: PrismaClient, ip: string, email: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - HOUR_MS);
  const [fromIp, toAddress] = await Promise.all([
    client.auditLog.count({ where: { action: "alert.subscribe", ip, createdAt: { gte: since } } }),
    client.alertOutbox.count({ where: { toAddress: email, dedupeKey: { startsWith: "confirm:" }, createdAt: { gte: since } } }),
  ]);
  return fromIp >= SUBSCRIBE_LIMITS.perIpPerHour || toAddress >= SUBSCRIBE_LIMITS.perAddressPerHour;
}

const SCOPE_TEXT = { SITE: "hela webbplatsen", ORGANISATION: "en organisation", TOPIC: "ett ämne", NETWORK: "ett nätverk" } as const;

export const readerAlertCommands = {
  /** The subscribe form: a confirm mail in the outbox, the same answer whether or not the address already follows the list. */
  async requestSubscription(client: PrismaClient, input: unknown, meta: { ip: string; ctx: AlertContext }): Promise<Result> {
    const parsed = parseFields(subscribeSchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    const now = meta.ctx.now ?? new Date();
    if (await overLimit(client, meta.ip, parsed.data.email, now)) {
      console.warn(`[alerts] subscription request refused for ${meta.ip}: rate limit`);
      return { ok: false, error: RATE_LIMITED };
    }
    const result = await subscribe(client, parsed.data, meta.ctx);
    if (!result.ok) return result;
    const list = `${parsed.data.scope}:${parsed.data.targetId ?? "site"}`;
    await audit(client, { actor: null, action: "alert.subscribe", entityType: "alert_list", entityId: list, summary: `Bevakning av ${SCOPE_TEXT[parsed.data.scope]} begärd (bekräftas via e-post)`, ip: meta.ip });
    return { ok: true };
  },

  /** The confirm page's button: the one-time token is the authority. */
  async confirm(client: PrismaClient, token: unknown, meta: { ip: string }): Promise<{ ok: true; list: string } | { ok: false }> {
    if (typeof token !== "string") return { ok: false };
    const result = await confirmSubscription(client, token);
    if (result.ok) await audit(client, { actor: null, action: "alert.confirm", entityType: "alert_list", summary: `Bevakning av ${result.list} bekräftad`, ip: meta.ip });
    return result;
  },

  /** The manage page: how often one of the token's lists is mailed. */
  async changeFrequency(client: PrismaClient, token: string, input: unknown, meta: { ip: string }): Promise<Result> {
    const parsed = parseFields(changeFrequencySchema, input);
    if (!parsed.ok) return { ok: false, fieldErrors: parsed.fieldErrors };
    if (!(await changeFrequency(client, token, parsed.data))) return { ok: false, error: "Bevakningen finns inte längre." };
    await audit(client, { actor: null, action: "alert.frequency", entityType: "alert_subscription", entityId: parsed.data.subscriptionId, summary: `Bevakningens frekvens ändrad till ${parsed.data.frequency}`, ip: meta.ip });
    return { ok: true };
  },

  /** One list (or all of them, without a list) by the manage token; also the RFC 8058 one-click route. */
  async unsubscribe(client: PrismaClient, token: string, subscriptionId: string | undefined, meta: { ip: string }): Promise<boolean> {
    const removed = await unsubscribe(client, token, subscriptionId);
    if (removed) await audit(client, { actor: null, action: "alert.unsubscribe", entityType: "alert_subscription", entityId: subscriptionId ?? null, summary: subscriptionId ? "Bevakning avslutad" : "Alla bevakningar för en adress avslutade", ip: meta.ip });
    return removed;
  },
};

/** The site's address and the manage tokens' key, from the configuration (read now, not at import). */
export function alertContext(): AlertContext {
  const { SITE_URL, BETTER_AUTH_SECRET } = env();
  if (!BETTER_AUTH_SECRET) throw new Error("BETTER_AUTH_SECRET is not set");
  return { siteUrl: SITE_URL, secret: BETTER_AUTH_SECRET };
}
