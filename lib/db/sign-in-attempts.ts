import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { audit } from "./audit";

// Brute-force protection for password sign-in. Every attempt is recorded; an account with
// too many recent failures, or an address (IP) with too many, is refused before its password
// is even checked. Callers answer a refusal exactly like a wrong password.

export const SIGN_IN_WINDOW_MINUTES = 15;
export const MAX_ACCOUNT_FAILURES = 5;
export const MAX_IP_FAILURES = 20;
const KEEP_HOURS = 24;
const PRUNE_EVERY = 100; // attempts; pruning rides along with every hundredth insert

export type SignInBlock = "account" | "ip" | null;

const windowStart = (now: Date) => new Date(now.getTime() - SIGN_IN_WINDOW_MINUTES * 60_000);

/** Failures of the account within the window since its last successful sign-in. */
async function accountFailures(client: PrismaClient, email: string, now: Date): Promise<number> {
  const lastSuccess = await client.signInAttempt.findFirst({ where: { email, succeeded: true, createdAt: { gte: windowStart(now) } }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return client.signInAttempt.count({ where: { email, succeeded: false, createdAt: { gt: lastSuccess?.createdAt ?? windowStart(now) } } });
}

async function ipFailures(client: PrismaClient, ip: string, now: Date): Promise<number> {
  return client.signInAttempt.count({ where: { ip, succeeded: false, createdAt: { gte: windowStart(now) } } });
}

/** Whether a sign-in for this address from this IP must be refused right now, and why. */
export async function signInBlock(client: PrismaClient, email: string, ip: string, now = new Date()): Promise<SignInBlock> {
  const [account, fromIp] = await Promise.all([accountFailures(client, email, now), ipFailures(client, ip, now)]);
  if (account >= MAX_ACCOUNT_FAILURES) return "account";
  if (fromIp >= MAX_IP_FAILURES) return "ip";
  return null;
}

/**
 * Records an attempt. A failure that reaches a limit is a lockout: logged and audited once,
 * when it happens (later refusals are only logged by the caller).
 */
export async function recordSignInAttempt(client: PrismaClient, attempt: { email: string; ip: string; succeeded: boolean }, now = new Date()): Promise<SignInBlock> {
  const { id } = await client.signInAttempt.create({ data: { ...attempt, createdAt: now }, select: { id: true } });
  if (id % BigInt(PRUNE_EVERY) === BigInt(0)) await pruneSignInAttempts(client, now);
  if (attempt.succeeded) return null;
  const [account, fromIp] = await Promise.all([accountFailures(client, attempt.email, now), ipFailures(client, attempt.ip, now)]);
  const locked: SignInBlock = account === MAX_ACCOUNT_FAILURES ? "account" : fromIp === MAX_IP_FAILURES ? "ip" : null;
  if (locked) {
    const what = locked === "account" ? `${attempt.email} efter ${MAX_ACCOUNT_FAILURES}` : `IP-adressen ${attempt.ip} efter ${MAX_IP_FAILURES}`;
    console.warn(`[auth] lockout: ${locked === "account" ? attempt.email : attempt.ip} is refused for ${SIGN_IN_WINDOW_MINUTES} minutes after too many failed sign-ins`);
    await audit(client, {
      actor: null,
      action: "auth.lockout",
      entityType: locked === "account" ? "account" : "ip",
      entityId: locked === "account" ? attempt.email : attempt.ip,
      summary: `Inloggning spärrad i ${SIGN_IN_WINDOW_MINUTES} minuter för ${what} misslyckade försök`,
      ip: attempt.ip,
    });
  }
  return locked;
}

/** Attempts older than a day are no longer needed for any limit. */
export async function pruneSignInAttempts(client: PrismaClient, now = new Date()): Promise<number> {
  const { count } = await client.signInAttempt.deleteMany({ where: { createdAt: { lt: new Date(now.getTime() - KEEP_HOURS * 3_600_000) } } });
  return count;
}
