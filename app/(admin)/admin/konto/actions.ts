"use server";

import { authApiError } from "@/lib/auth/api-error";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { auditTwoFactorChange, changeOwnPassword, signOutEverywhere } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { clientIp, requireActor } from "@/lib/newsroom/actor";
import { totpCodeSchema } from "@/lib/validation/auth";
import { fieldErrorsOf, type FormState } from "@/lib/validation/form";

// The signed-in user's own account. These work before two-factor is on, also when it is
// required for administrators: this is where they turn it on. Passwords never go back to a form.

const me = () => requireActor({ allowWithout2fa: true });
const WRONG_PASSWORD = "Lösenordet stämmer inte.";

const isWrongPassword = (err: unknown) => authApiError(err)?.body?.code === "INVALID_PASSWORD";

export type TwoFactorSetup = { secret: string; uri: string; backupCodes: string[] };
export type EnableState = FormState & { setup?: TwoFactorSetup };

/** Step 1 (password): a new secret. Step 2 (a code from the app): two-factor is on. */
export async function enableTwoFactorAction(prev: EnableState, formData: FormData): Promise<EnableState> {
  const actor = await me();
  const requestHeaders = await headers();
  if (formData.get("steg") === "bekrafta" && prev.setup) {
    const parsed = totpCodeSchema.safeParse({ code: String(formData.get("code") ?? "") });
    if (!parsed.success) return { setup: prev.setup, fieldErrors: fieldErrorsOf(parsed.error) };
    try {
      await auth().api.verifyTOTP({ body: { code: parsed.data.code }, headers: requestHeaders });
    } catch (err) {
      if ((authApiError(err)?.statusCode ?? 500) >= 500) throw err;
      return { setup: prev.setup, fieldErrors: { code: "Koden stämmer inte. Kontrollera att klockan i telefonen går rätt och försök med nästa kod." } };
    }
    await auditTwoFactorChange(db(), actor, true, await clientIp());
    redirect("/admin/konto?klart=tvafaktor-pa");
  }
  const password = String(formData.get("password") ?? "");
  if (!password) return { fieldErrors: { password: "Skriv ditt lösenord." } };
  try {
    const result = await auth().api.enableTwoFactor({ body: { password, method: "totp" }, headers: requestHeaders });
    if (result.method !== "totp") throw new Error("two-factor: expected a TOTP secret");
    const secret = new URL(result.totpURI).searchParams.get("secret") ?? "";
    return { setup: { secret, uri: result.totpURI, backupCodes: result.backupCodes } };
  } catch (err) {
    if (isWrongPassword(err)) return { fieldErrors: { password: WRONG_PASSWORD } };
    if (authApiError(err)?.body?.code === "TOTP_ALREADY_ENABLED") return { error: "Tvåfaktorinloggning är redan på." };
    throw err;
  }
}

export async function disableTwoFactorAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await me();
  if (env().REQUIRE_ADMIN_2FA === "true" && actor.role === "ADMIN") return { error: "Administratörer måste använda tvåfaktorinloggning här, så den kan inte stängas av." };
  const password = String(formData.get("password") ?? "");
  if (!password) return { fieldErrors: { password: "Skriv ditt lösenord." } };
  try {
    await auth().api.disableTwoFactor({ body: { password }, headers: await headers() });
  } catch (err) {
    if (isWrongPassword(err)) return { fieldErrors: { password: WRONG_PASSWORD } };
    throw err;
  }
  await auditTwoFactorChange(db(), actor, false, await clientIp());
  redirect("/admin/konto?klart=tvafaktor-av");
}

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const actor = await me();
  const session = await auth().api.getSession({ headers: await headers() });
  const input = { current: String(formData.get("current") ?? ""), password: String(formData.get("password") ?? ""), confirm: String(formData.get("confirm") ?? "") };
  const result = await changeOwnPassword(db(), actor, input, { keepSessionId: session?.session.id, ip: await clientIp() });
  return result.ok ? { ok: true, message: result.message } : { error: result.error, fieldErrors: result.fieldErrors };
}

/** Ends every session of the user, this one included, and clears the cookie. */
export async function signOutEverywhereAction(): Promise<void> {
  const actor = await me();
  await signOutEverywhere(db(), actor, { ip: await clientIp() });
  try {
    await auth().api.signOut({ headers: await headers() });
  } catch {
    // The session row is already gone; only the cookie was left to clear.
  }
  redirect("/logga-in?klart=overallt");
}
