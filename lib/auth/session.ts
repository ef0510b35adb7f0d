import "server-only";
import { authApiError } from "@/lib/auth/api-error";
import { headers } from "next/headers";
import { twoFactorStatus } from "@/lib/db/accounts";
import { audit } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { WRONG_CREDENTIALS } from "@/lib/validation/auth";
import { clientAddressFrom } from "@/lib/request-client";
import { ABSOLUTE_SESSION_SECONDS, auth } from "./auth";
import { isRole, type Role } from "./roles";

// Signing in (password, then the second factor when it is on) and reading the session.

export type StaffUser = { id: string; name: string; email: string; role: Role };

/** The signed-in staff member, or null. Sessions older than the absolute lifetime count as none. */
export async function getStaffUser(): Promise<StaffUser | null> {
  const requestHeaders = await headers();
  const session = await auth().api.getSession({ headers: requestHeaders });
  if (!session) return null;
  if (Date.now() - new Date(session.session.createdAt).getTime() > ABSOLUTE_SESSION_SECONDS * 1000) return null;
  const role = (session.user as { role?: unknown }).role;
  if (!isRole(role)) return null;
  return { id: session.user.id, name: session.user.name, email: session.user.email, role };
}

/** With REQUIRE_ADMIN_2FA=true an administrator must turn on two-factor before anything else. */
export async function twoFactorSetupRequired(user: { id: string; role: Role }): Promise<boolean> {
  if (env().REQUIRE_ADMIN_2FA !== "true" || user.role !== "ADMIN") return false;
  return !(await twoFactorStatus(db(), user.id)).enabled;
}

export type SignInOutcome = { status: "signed-in" } | { status: "two-factor" } | { status: "refused"; message: string };

/**
 * Password sign-in. Rate limits and the attempt log live in better-auth's hooks (lib/auth/auth.ts),
 * so they also guard its HTTP endpoint; here every refusal becomes the same Swedish sentence.
 */
export async function signIn(credentials: { email: string; password: string }, requestHeaders: Headers): Promise<SignInOutcome> {
  try {
    const result = await auth().api.signInEmail({ body: credentials, headers: requestHeaders });
    return "twoFactorRedirect" in result && result.twoFactorRedirect ? { status: "two-factor" } : { status: "signed-in" };
  } catch (err) {
    if ((authApiError(err)?.statusCode ?? 500) < 500) return { status: "refused", message: WRONG_CREDENTIALS };
    throw err;
  }
}

export const SECOND_FACTOR_MESSAGES = {
  wrong: "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök igen.",
  locked: "För många felaktiga koder. Vänta 15 minuter och logga in igen.",
  expired: "Inloggningen avbröts eller tog för lång tid. Logga in igen med e-post och lösenord.",
} as const;

export type SecondFactorOutcome = { ok: true } | { ok: false; reason: keyof typeof SECOND_FACTOR_MESSAGES };

/** The second step of a sign-in: a TOTP code (6 digits) or a backup code, checked against the pending sign-in cookie. */
export async function verifySecondFactor(code: string, requestHeaders: Headers): Promise<SecondFactorOutcome> {
  const ip = clientAddressFrom(requestHeaders);
  try {
    const { user } = /^\d{6}$/.test(code)
      ? await auth().api.verifyTOTP({ body: { code }, headers: requestHeaders })
      : await auth().api.verifyBackupCode({ body: { code }, headers: requestHeaders });
    const method = /^\d{6}$/.test(code) ? "kod från app" : "reservkod";
    await audit(db(), { actor: user, action: "auth.sign-in", entityType: "user", entityId: user.id, summary: `${user.email} loggade in (tvåfaktor, ${method})`, ip });
    return { ok: true };
  } catch (err) {
    const apiError = authApiError(err);
    if (!apiError || apiError.statusCode >= 500) throw err;
    const errorCode = apiError.body?.code;
    console.warn(`[auth] failed two-factor step from ${ip}: ${errorCode ?? apiError.status}`);
    if (errorCode === "ACCOUNT_TEMPORARILY_LOCKED") return { ok: false, reason: "locked" };
    if (errorCode === "INVALID_CODE" || errorCode === "INVALID_BACKUP_CODE") return { ok: false, reason: "wrong" };
    return { ok: false, reason: "expired" };
  }
}
