import { base32 } from "@better-auth/utils/base32";
import { createOTP } from "@better-auth/utils/otp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { signIn, twoFactorSetupRequired, verifySecondFactor } from "@/lib/auth/session";
import { twoFactorStatus } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { createStaffUser } from "@/lib/db/users";

// TOTP two-factor through the real better-auth plugin: turning it on with a code from an
// "app" (computed here from the secret), then signing in with password plus code.

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-that-is-long-enough";
process.env.REQUIRE_ADMIN_2FA = "true";

const PASSWORD = "ett-riktigt-langt-losenord";
const EMAIL = "admin@lerum.se";

/** The cookies a better-auth response set, as a Cookie request header. */
function cookiesFrom(response: Headers, previous = ""): Headers {
  const jar = new Map(previous.split("; ").filter(Boolean).map((c) => c.split("=", 2) as [string, string]));
  for (const line of response.getSetCookie()) {
    const [pair] = line.split(";");
    const [name, value] = pair!.split("=", 2) as [string, string];
    if (/max-age=0/i.test(line) || value === "") jar.delete(name);
    else jar.set(name, value);
  }
  return new Headers({ cookie: [...jar].map(([k, v]) => `${k}=${v}`).join("; "), "x-nln-client-address": "10.8.8.8" });
}

async function passwordStep(): Promise<Headers> {
  const { headers } = await auth().api.signInEmail({ body: { email: EMAIL, password: PASSWORD }, headers: new Headers(), returnHeaders: true });
  return cookiesFrom(headers);
}

let userId: string;
let secret: Uint8Array;
let backupCodes: string[];
const code = () => createOTP(secret).totp();

beforeAll(async () => {
  ({ id: userId } = await createStaffUser(db(), { email: EMAIL, name: "Admin", role: "ADMIN", password: PASSWORD }));
});

describe("two-factor sign-in", () => {
  it("requires it of administrators when REQUIRE_ADMIN_2FA is true, until it is on", async () => {
    const editor = await createStaffUser(db(), { email: "redaktor@lerum.se", name: "Redaktör", role: "EDITOR", password: PASSWORD });
    expect(await twoFactorSetupRequired({ id: userId, role: "ADMIN" })).toBe(true);
    expect(await twoFactorSetupRequired({ id: editor.id, role: "EDITOR" })).toBe(false);
  });

  it("turns on with the password and a code from the app", async () => {
    const session = await passwordStep();
    await expect(auth().api.enableTwoFactor({ body: { password: "fel-losenord" }, headers: session })).rejects.toMatchObject({ body: { code: "INVALID_PASSWORD" } });
    const enabled = await auth().api.enableTwoFactor({ body: { password: PASSWORD }, headers: session });
    if (enabled.method !== "totp") throw new Error("expected TOTP");
    const uri = new URL(enabled.totpURI);
    expect(uri.protocol).toBe("otpauth:");
    expect(decodeURIComponent(uri.pathname)).toContain(EMAIL);
    expect(uri.searchParams.get("issuer")).toBe("Näringslivsnytt");
    secret = base32.decode(uri.searchParams.get("secret")!);
    backupCodes = enabled.backupCodes;
    expect(backupCodes).toHaveLength(10);
    // Not on until a code has been confirmed.
    expect((await twoFactorStatus(db(), userId)).enabled).toBe(false);

    await expect(auth().api.verifyTOTP({ body: { code: "000000" === (await code()) ? "111111" : "000000" }, headers: session })).rejects.toMatchObject({ body: { code: "INVALID_CODE" } });
    await auth().api.verifyTOTP({ body: { code: await code() }, headers: session });
    expect((await twoFactorStatus(db(), userId)).enabled).toBe(true);
    expect(await twoFactorSetupRequired({ id: userId, role: "ADMIN" })).toBe(false);
    // The secret is stored encrypted, not as the app sees it.
    const row = await db().twoFactor.findFirstOrThrow({ where: { userId } });
    expect(row.secret).not.toContain(uri.searchParams.get("secret")!);
  });

  it("asks for the code after a correct password, and creates no session before it", async () => {
    await db().session.deleteMany({ where: { userId } });
    const signIns = () => db().auditLog.count({ where: { action: "auth.sign-in", actorId: userId } });
    const before = await signIns();
    expect(await signIn({ email: EMAIL, password: PASSWORD }, new Headers({ "x-nln-client-address": "10.8.8.8" }))).toEqual({ status: "two-factor" });
    expect(await db().session.count({ where: { userId } })).toBe(0);
    expect(await signIns()).toBe(before);
  });

  it("refuses a wrong code and signs in with the right one, audited", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const pending = await passwordStep();
    const right = await code();
    expect(await verifySecondFactor(right === "123456" ? "654321" : "123456", pending)).toEqual({ ok: false, reason: "wrong" });
    expect(await verifySecondFactor(right, pending)).toEqual({ ok: true });
    expect(await db().session.count({ where: { userId } })).toBe(1);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "auth.sign-in", actorId: userId }, orderBy: { id: "desc" } });
    expect(audit.summary).toContain("tvåfaktor");
    expect(audit.ip).toBe("10.8.8.8");
    // The pending sign-in is used up.
    expect(await verifySecondFactor(await code(), pending)).toEqual({ ok: false, reason: "expired" });
    // Without the pending sign-in cookie there is nothing to complete.
    expect(await verifySecondFactor(await code(), new Headers())).toEqual({ ok: false, reason: "expired" });
    warn.mockRestore();
  });

  it("accepts each backup code once", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await verifySecondFactor(backupCodes[0]!, await passwordStep())).toEqual({ ok: true });
    expect(await verifySecondFactor(backupCodes[0]!, await passwordStep())).toEqual({ ok: false, reason: "wrong" });
    warn.mockRestore();
  });
});
