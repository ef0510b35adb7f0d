import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { verify } from "@node-rs/argon2";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { env } from "@/lib/env";
import { configuredMailer, type Mail, type Mailer } from "@/lib/mail/mailer";
import { inviteMail, resetMail } from "@/lib/mail/messages";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { changePasswordSchema, forgotPasswordSchema, inviteSchema, setPasswordSchema } from "@/lib/validation/accounts";
import { fieldErrorsOf, parseFields } from "@/lib/validation/form";
import { audit } from "./audit";
import { unlockSignIn } from "./sign-in-attempts";
import { hashPassword, newId, USER_ID_PATTERN } from "./users";

// One-time set-password links (invites and password resets) and the account commands built
// on them. A link carries 32 random bytes; only their SHA-256 is stored, so a database leak
// gives no usable links. A link works once, until it expires, and a newer link for the same
// user makes older ones useless.

export const INVITE_VALID_DAYS = 7;
export const RESET_VALID_MINUTES = 60;
export const INVITE_VALID_MS = INVITE_VALID_DAYS * 24 * 3_600_000;
export const RESET_VALID_MS = RESET_VALID_MINUTES * 60_000;
const MAX_RESETS_PER_HOUR = 3;

type Purpose = "INVITE" | "RESET";
type Client = PrismaClient | Prisma.TransactionClient;
export type AccountOptions = { mailer?: Mailer; ip?: string };

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

export function setPasswordUrl(token: string): string {
  return `${env().SITE_URL}/nytt-losenord/${token}`;
}

/** A new link for the user; every unused older link of theirs stops working. Returns the raw token. */
export async function issueAccountToken(client: Client, userId: string, purpose: Purpose, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await client.accountToken.updateMany({ where: { userId, usedAt: null }, data: { usedAt: now } });
  await client.accountToken.create({
    data: { tokenHash: sha256(token), userId, purpose, createdAt: now, expiresAt: new Date(now.getTime() + (purpose === "INVITE" ? INVITE_VALID_MS : RESET_VALID_MS)) },
  });
  return token;
}

export const TOKEN_MESSAGES = {
  invalid: "Länken är inte giltig. Kontrollera att du har fått med hela länken, eller be om en ny.",
  used: "Länken har redan använts, eller så har en nyare länk skickats. Begär en ny länk om du behöver välja lösenord.",
  expired: "Länken har slutat gälla. Begär en ny länk för att välja lösenord.",
} as const;

export type TokenStatus = { state: "valid"; purpose: Purpose; email: string; name: string } | { state: keyof typeof TOKEN_MESSAGES };

/** What a link is good for, without using it: the set-password page shows a form or a message. */
export async function getAccountTokenStatus(client: PrismaClient, token: string, now = new Date()): Promise<TokenStatus> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return { state: "invalid" };
  const row = await client.accountToken.findUnique({ where: { tokenHash: sha256(token) }, select: { purpose: true, usedAt: true, expiresAt: true, user: { select: { email: true, name: true } } } });
  if (!row) return { state: "invalid" };
  if (row.usedAt) return { state: "used" };
  if (row.expiresAt <= now) return { state: "expired" };
  return { state: "valid", purpose: row.purpose, email: row.user.email, name: row.user.name };
}

/**
 * Sets the password through a link. The link is claimed with one conditional UPDATE, so two
 * simultaneous uses cannot both succeed; every other link and every session of the user end.
 */
export async function setPasswordWithToken(client: PrismaClient, input: unknown, options: AccountOptions = {}): Promise<CommandResult<{ email: string; purpose: Purpose }>> {
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) {
    const errors = fieldErrorsOf(parsed.error);
    return errors.token ? failure(TOKEN_MESSAGES.invalid) : invalid(errors);
  }
  const { token, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  const result = await client.$transaction(async (tx) => {
    const [claimed] = await tx.$queryRaw<{ user_id: string; purpose: Purpose }[]>`
      UPDATE account_token SET used_at = now()
      WHERE token_hash = ${sha256(token)} AND used_at IS NULL AND expires_at > now()
      RETURNING user_id, purpose::text AS purpose`;
    if (!claimed) return null;
    const user = await tx.user.update({ where: { id: claimed.user_id }, data: { emailVerified: true }, select: { id: true, email: true } });
    await setCredential(tx, user.id, passwordHash);
    await tx.accountToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: user.id } });
    const invite = claimed.purpose === "INVITE";
    await audit(tx, {
      actor: user,
      action: invite ? "account.activate" : "account.password-reset",
      entityType: "user",
      entityId: user.id,
      summary: invite ? `${user.email} valde lösenord via inbjudan` : `${user.email} bytte lösenord via återställningslänk`,
      ip: options.ip,
    });
    return { email: user.email, purpose: claimed.purpose };
  });
  if (result) return success(result, [], "Ditt lösenord är sparat.");
  const status = await getAccountTokenStatus(client, token);
  return failure(TOKEN_MESSAGES[status.state === "valid" ? "invalid" : status.state]);
}

async function setCredential(tx: Prisma.TransactionClient, userId: string, passwordHash: string): Promise<void> {
  const updated = await tx.account.updateMany({ where: { userId, providerId: "credential" }, data: { password: passwordHash } });
  if (updated.count === 0) await tx.account.create({ data: { id: newId(), userId, providerId: "credential", accountId: userId, password: passwordHash } });
}

/** Sends a mail; in local mode (or when sending fails) the caller gets the link to show. */
async function deliver(mailer: Mailer, mail: Mail): Promise<{ link: string | null; failed: boolean }> {
  try {
    await mailer.send(mail);
    return { link: mailer.local ? mail.link : null, failed: false };
  } catch (err) {
    console.error(`[mail] could not send "${mail.subject}" to ${mail.to}: ${(err as Error).message}`);
    return { link: null, failed: true };
  }
}

export type LinkSent = { userId: string; email: string; link: string | null };
const MAIL_FAILED = "E-postmeddelandet kunde inte skickas. Försök igen om en stund, eller kontakta den som sköter e-postservern.";

/** An administrator invites a new staff member: an account without a password and a 7-day link. */
export async function inviteUser(client: PrismaClient, actor: Actor, input: unknown, options: AccountOptions = {}): Promise<CommandResult<LinkSent>> {
  assertCan(actor, "user.manage");
  const parsed = parseFields(inviteSchema, input);
  if (!parsed.ok) return invalid(parsed.fieldErrors);
  const { email, name, role } = parsed.data;
  const organisationIds = [...new Set(parsed.data.organisationIds)];
  if (await client.user.findUnique({ where: { email }, select: { id: true } })) return invalid({ email: "Det finns redan ett konto med den e-postadressen." });
  if ((await client.organisation.count({ where: { id: { in: organisationIds } } })) !== organisationIds.length) return invalid({ organisationIds: "Okänd organisation." });

  const id = newId();
  let token: string;
  try {
    token = await client.$transaction(async (tx) => {
      await tx.user.create({ data: { id, email, name, role, emailVerified: false, organisations: { create: organisationIds.map((organisationId) => ({ organisationId })) } } });
      await audit(tx, { actor, action: "user.invite", entityType: "user", entityId: id, summary: `${email} bjöds in som ${ROLE_LABELS[role].toLowerCase()}`, ip: options.ip });
      return issueAccountToken(tx, id, "INVITE");
    });
  } catch (err) {
    // Someone else invited the same address a moment ago.
    if ((err as { code?: string }).code === "P2002") return invalid({ email: "Det finns redan ett konto med den e-postadressen." });
    throw err;
  }
  const sent = await deliver(options.mailer ?? configuredMailer(), inviteMail({ email, name, role }, actor.name, setPasswordUrl(token), INVITE_VALID_DAYS));
  if (sent.failed) return success({ userId: id, email, link: null }, [], `Kontot för ${email} är skapat, men inbjudan kunde inte skickas. Skicka en ny inbjudan från användarens sida.`);
  return success({ userId: id, email, link: sent.link }, [], sent.link ? `Kontot för ${email} är skapat.` : `En inbjudan har skickats till ${email}.`);
}

const userIdSchema = z.object({ userId: z.string().regex(USER_ID_PATTERN) });

async function loadTarget(client: PrismaClient, input: unknown) {
  const ids = userIdSchema.safeParse(input);
  if (!ids.success) return null;
  return client.user.findUnique({ where: { id: ids.data.userId }, select: { id: true, email: true, name: true, role: true, accounts: { where: { providerId: "credential", password: { not: null } }, select: { id: true } } } });
}

/** A new invite link for someone who has not chosen a password yet; earlier links stop working. */
export async function resendInvite(client: PrismaClient, actor: Actor, input: unknown, options: AccountOptions = {}): Promise<CommandResult<LinkSent>> {
  const user = await loadTarget(client, input);
  if (!user) return failure("Användaren finns inte.");
  assertCan(actor, "user.manage");
  if (user.accounts.length > 0) return failure("Användaren har redan valt ett lösenord. Skicka en länk för nytt lösenord i stället.");
  const token = await client.$transaction(async (tx) => {
    await audit(tx, { actor, action: "user.invite", entityType: "user", entityId: user.id, summary: `Ny inbjudan skickad till ${user.email}`, ip: options.ip });
    return issueAccountToken(tx, user.id, "INVITE");
  });
  const sent = await deliver(options.mailer ?? configuredMailer(), inviteMail(user, actor.name, setPasswordUrl(token), INVITE_VALID_DAYS));
  if (sent.failed) return failure(MAIL_FAILED);
  return success({ userId: user.id, email: user.email, link: sent.link }, [], sent.link ? `En ny inbjudningslänk är skapad för ${user.email}.` : `En ny inbjudan har skickats till ${user.email}.`);
}

/** An administrator sends a user a link to choose a new password (valid for an hour). */
export async function sendPasswordReset(client: PrismaClient, actor: Actor, input: unknown, options: AccountOptions = {}): Promise<CommandResult<LinkSent>> {
  const user = await loadTarget(client, input);
  if (!user) return failure("Användaren finns inte.");
  assertCan(actor, "user.manage");
  const token = await client.$transaction(async (tx) => {
    await audit(tx, { actor, action: "account.reset-link", entityType: "user", entityId: user.id, summary: `Länk för nytt lösenord skickad till ${user.email}`, ip: options.ip });
    return issueAccountToken(tx, user.id, "RESET");
  });
  const sent = await deliver(options.mailer ?? configuredMailer(), resetMail(user, setPasswordUrl(token), RESET_VALID_MINUTES));
  if (sent.failed) return failure(MAIL_FAILED);
  return success({ userId: user.id, email: user.email, link: sent.link }, [], sent.link ? `En länk för nytt lösenord är skapad för ${user.email}.` : `En länk för nytt lösenord har skickats till ${user.email}.`);
}

/** An administrator lets an account sign in from new addresses again after a lockout. */
export async function unlockAccountSignIn(client: PrismaClient, actor: Actor, input: unknown, options: AccountOptions = {}): Promise<CommandResult<null>> {
  const user = await loadTarget(client, input);
  if (!user) return failure("Användaren finns inte.");
  assertCan(actor, "user.manage");
  const forgotten = await client.$transaction(async (tx) => {
    const count = await unlockSignIn(tx, user.email);
    await audit(tx, { actor, action: "auth.unlock", entityType: "account", entityId: user.email, summary: `Inloggningsspärren för ${user.email} hävd (${count} misslyckade försök glömda)`, ip: options.ip });
    return count;
  });
  return success(null, [], forgotten ? `${user.email} kan logga in igen.` : `${user.email} var inte spärrad.`);
}

/**
 * "Forgot password" from the public page. Says nothing to the caller about whether the
 * address has an account; at most three links an hour per account, so nobody can flood a mailbox.
 */
export async function requestPasswordReset(client: PrismaClient, input: unknown, options: AccountOptions = {}): Promise<void> {
  const parsed = forgotPasswordSchema.safeParse(input);
  if (!parsed.success) return;
  const user = await client.user.findUnique({ where: { email: parsed.data.email }, select: { id: true, email: true, name: true } });
  if (!user) {
    console.info(`[auth] password reset asked for unknown address ${parsed.data.email} from ${options.ip ?? "unknown"}`);
    return;
  }
  const recent = await client.accountToken.count({ where: { userId: user.id, purpose: "RESET", createdAt: { gte: new Date(Date.now() - 3_600_000) } } });
  if (recent >= MAX_RESETS_PER_HOUR) {
    console.warn(`[auth] password reset for ${user.email} refused: ${recent} links in the last hour`);
    return;
  }
  const token = await client.$transaction(async (tx) => {
    await audit(tx, { actor: null, action: "account.reset-request", entityType: "user", entityId: user.id, summary: `Länk för nytt lösenord begärd för ${user.email}`, ip: options.ip });
    return issueAccountToken(tx, user.id, "RESET");
  });
  await deliver(options.mailer ?? configuredMailer(), resetMail(user, setPasswordUrl(token), RESET_VALID_MINUTES));
}

/** The signed-in user changes their own password; their other sessions end. */
export async function changeOwnPassword(client: PrismaClient, actor: Actor, input: unknown, options: AccountOptions & { keepSessionId?: string } = {}): Promise<CommandResult<null>> {
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const account = await client.account.findFirst({ where: { userId: actor.id, providerId: "credential" }, select: { password: true } });
  if (!account?.password || !(await verify(account.password, parsed.data.current))) {
    console.warn(`[auth] wrong current password when ${actor.email} tried to change it`);
    return invalid({ current: "Det nuvarande lösenordet stämmer inte." });
  }
  const passwordHash = await hashPassword(parsed.data.password);
  await client.$transaction(async (tx) => {
    await setCredential(tx, actor.id, passwordHash);
    await tx.accountToken.updateMany({ where: { userId: actor.id, usedAt: null }, data: { usedAt: new Date() } });
    await tx.session.deleteMany({ where: { userId: actor.id, ...(options.keepSessionId ? { id: { not: options.keepSessionId } } : {}) } });
    await audit(tx, { actor, action: "account.password-change", entityType: "user", entityId: actor.id, summary: `${actor.email} bytte lösenord`, ip: options.ip });
  });
  return success(null, [], "Ditt lösenord är bytt. Du är utloggad på alla andra enheter.");
}

/** "Sign out everywhere": every session of the user ends, this one included. */
export async function signOutEverywhere(client: PrismaClient, actor: Actor, options: AccountOptions = {}): Promise<CommandResult<{ sessions: number }>> {
  const { count } = await client.$transaction(async (tx) => {
    const deleted = await tx.session.deleteMany({ where: { userId: actor.id } });
    await audit(tx, { actor, action: "auth.sign-out-everywhere", entityType: "user", entityId: actor.id, summary: `${actor.email} loggade ut på alla enheter (${deleted.count} sessioner)`, ip: options.ip });
    return deleted;
  });
  return success({ sessions: count });
}

export async function twoFactorStatus(client: PrismaClient, userId: string): Promise<{ enabled: boolean }> {
  const user = await client.user.findUnique({ where: { id: userId }, select: { twoFactorEnabled: true } });
  return { enabled: user?.twoFactorEnabled ?? false };
}


/** Two-factor is switched on and off through better-auth; the audit log notes it here. */
export async function auditTwoFactorChange(client: PrismaClient, actor: Actor, enabled: boolean, ip?: string): Promise<void> {
  await audit(client, {
    actor,
    action: enabled ? "auth.2fa-enable" : "auth.2fa-disable",
    entityType: "user",
    entityId: actor.id,
    summary: `${actor.email} ${enabled ? "slog på" : "stängde av"} tvåfaktorinloggning`,
    ip,
  });
}

/** Administrators only (user.manage). */
export const accountCommands = { inviteUser, resendInvite, sendPasswordReset };
/** Any signed-in staff member, always on their own account (the actor), never on someone else's. */
export const ownAccountCommands = { changeOwnPassword, signOutEverywhere };
