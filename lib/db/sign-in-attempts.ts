import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "./audit";

// Brute-force protection for password sign-in (decision 016). Every attempt is recorded with the
// client's address (lib/request-client.ts: the socket, or a trusted proxy's word). Three limits,
// each answered exactly like a wrong password:
//  - one account from one address: 5 failures in 15 minutes since its last success there;
//  - one address, whatever accounts it tries: 20 failures in 15 minutes (password spraying);
//  - one account from everywhere: 30 failures in an hour (a guess spread over many addresses).
//    It never applies at an address the account signed in from in the last 30 days, so a
//    stranger cannot lock a colleague out of their own office; an administrator can unlock.

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_PAIR_FAILURES = 5;
export const MAX_IP_FAILURES = 20;
export const ACCOUNT_WINDOW_MINUTES = 60;
export const MAX_ACCOUNT_FAILURES = 30;
export const KNOWN_ADDRESS_DAYS = 30;
const KEEP_FAILURES_HOURS = 24;
const PRUNE_EVERY = 100; // attempts; pruning rides along with every hundredth insert

export type SignInBlock = "pair" | "ip" | "account" | null;

const minutesBefore = (now: Date, minutes: number) => new Date(now.getTime() - minutes * 60_000);

/** Failures matching `where` within the window, counted from the last success that matches it. */
async function failuresSinceSuccess(client: PrismaClient, where: { email: string; ip?: string }, since: Date): Promise<number> {
  const lastSuccess = await client.signInAttempt.findFirst({ where: { ...where, succeeded: true, createdAt: { gte: since } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return client.signInAttempt.count({ where: { ...where, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? since } } });
}

/**
 * The three limits' counts in one statement (a sign-in asks twice: before and after). Failures
 * count from the last success that matches them, within their window; the account count is 0
 * at an address the account signed in from within the known-address period.
 */
async function counts(client: PrismaClient, email: string, ip: string, now: Date) {
  const shortWindow = minutesBefore(now, SIGN_IN_WINDOW_MINUTES);
  const accountWindow = minutesBefore(now, ACCOUNT_WINDOW_MINUTES);
  const knownSince = minutesBefore(now, KNOWN_ADDRESS_DAYS * 24 * 60);
  const [row] = await client.$queryRaw<{ pair: number; from_ip: number; account: number; known: boolean }[]>`
    WITH mine AS (
      SELECT ip, succeeded, created_at FROM sign_in_attempt WHERE email = ${email} AND created_at >= ${knownSince}
    ),
    pair_success AS (SELECT max(created_at) AS at FROM mine WHERE ip = ${ip} AND succeeded AND created_at >= ${shortWindow}),
    account_success AS (SELECT max(created_at) AS at FROM mine WHERE succeeded AND created_at >= ${accountWindow})
    SELECT
      (SELECT count(*)::int FROM mine, pair_success WHERE ip = ${ip} AND NOT succeeded AND created_at > coalesce(pair_success.at, ${shortWindow})) AS pair,
      (SELECT count(*)::int FROM sign_in_attempt WHERE ip = ${ip} AND NOT succeeded AND created_at >= ${shortWindow}) AS from_ip,
      (SELECT count(*)::int FROM mine, account_success WHERE NOT succeeded AND created_at > coalesce(account_success.at, ${accountWindow})) AS account,
      (${ip} <> 'unknown' AND EXISTS (SELECT 1 FROM mine WHERE ip = ${ip} AND succeeded)) AS known`;
  if (!row) throw new Error("sign-in counts: an aggregate query returned no row");
  return { pair: row.pair, fromIp: row.from_ip, account: row.known ? 0 : row.account };
}

/** Whether a sign-in for this account from this address must be refused right now, and why. */
export async function signInBlock(client: PrismaClient, email: string, ip: string, now = new Date()): Promise<SignInBlock> {
  const c = await counts(client, email, ip, now);
  if (c.pair >= MAX_PAIR_FAILURES) return "pair";
  if (c.fromIp >= MAX_IP_FAILURES) return "ip";
  if (c.account >= MAX_ACCOUNT_FAILURES) return "account";
  return null;
}

const LOCKOUT_TEXT: Record<Exclude<SignInBlock, null>, (a: { email: string; ip: string }) => string> = {
  pair: (a) => `Inloggning spärrad i ${SIGN_IN_WINDOW_MINUTES} minuter för ${a.email} från ${a.ip} efter ${MAX_PAIR_FAILURES} misslyckade försök`,
  ip: (a) => `Inloggning spärrad i ${SIGN_IN_WINDOW_MINUTES} minuter för IP-adressen ${a.ip} efter ${MAX_IP_FAILURES} misslyckade försök`,
  account: (a) => `Inloggning spärrad för ${a.email} från nya adresser efter ${MAX_ACCOUNT_FAILURES} misslyckade försök inom en timme (kan låsas upp av en administratör)`,
};

/**
 * Records an attempt. A failure that reaches a limit is a lockout: logged and audited once,
 * when it happens (later refusals are only logged by the caller).
 */
export async function recordSignInAttempt(client: PrismaClient, attempt: { email: string; ip: string; succeeded: boolean }, now = new Date()): Promise<SignInBlock> {
  const { id } = await client.signInAttempt.create({ data: { ...attempt, createdAt: now }, select: { id: true } });
  if (id % BigInt(PRUNE_EVERY) === BigInt(0)) await pruneSignInAttempts(client, now);
  if (attempt.succeeded) return null;
  const c = await counts(client, attempt.email, attempt.ip, now);
  const locked: SignInBlock = c.pair === MAX_PAIR_FAILURES ? "pair" : c.fromIp === MAX_IP_FAILURES ? "ip" : c.account === MAX_ACCOUNT_FAILURES ? "account" : null;
  if (locked) {
    console.warn(`[auth] lockout (${locked}): ${locked === "ip" ? attempt.ip : attempt.email}${locked === "pair" ? ` from ${attempt.ip}` : ""} is refused after too many failed sign-ins`);
    await audit(client, {
      actor: null,
      action: "auth.lockout",
      entityType: locked === "ip" ? "ip" : "account",
      entityId: locked === "ip" ? attempt.ip : attempt.email,
      summary: LOCKOUT_TEXT[locked](attempt),
      ip: attempt.ip,
    });
  }
  return locked;
}

/** Whether the account is locked for new addresses right now (the newsroom's user page shows it). */
export async function accountLocked(client: PrismaClient, email: string, now = new Date()): Promise<boolean> {
  return (await failuresSinceSuccess(client, { email }, minutesBefore(now, ACCOUNT_WINDOW_MINUTES))) >= MAX_ACCOUNT_FAILURES;
}

/** An administrator's unlock: the account's recorded failures are forgotten. The caller audits. */
export async function unlockSignIn(client: Pick<PrismaClient, "signInAttempt">, email: string): Promise<number> {
  const { count } = await client.signInAttempt.deleteMany({ where: { email, succeeded: false } });
  return count;
}

/** Failures older than a day and successes older than the known-address period serve no limit. */
export async function pruneSignInAttempts(client: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await client.signInAttempt.deleteMany({
    where: {
      OR: [
        { succeeded: false, createdAt: { lt: new Date(now.getTime() - KEEP_FAILURES_HOURS * 3_600_000) } },
        { succeeded: true, createdAt: { lt: minutesBefore(now, KNOWN_ADDRESS_DAYS * 24 * 60) } },
      ],
    },
  });
  return count;
}
