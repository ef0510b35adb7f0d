import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { auth } from "@/lib/auth/auth";
import { signIn } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address.mjs";
import { unlockAccountSignIn } from "@/lib/db/accounts";
import { accountLocked, MAX_ACCOUNT_FAILURES, MAX_IP_FAILURES, MAX_PAIR_FAILURES, pruneSignInAttempts } from "@/lib/db/sign-in-attempts";
import { createStaffUser } from "@/lib/db/users";
import { WRONG_CREDENTIALS } from "@/lib/validation/auth";
import { createActor } from "../factories";

// Brute-force protection through the real better-auth sign-in: too many failures lock an
// account at one address, an address, or an account at new addresses, and the refusal reads
// exactly like a wrong password. The address comes in the header server.mjs sets (decision 016).

process.env.BETTER_AUTH_SECRET ??= "integration-test-secret-that-is-long-enough";

const PASSWORD = "ett-riktigt-langt-losenord";
const REFUSED = { status: "refused", message: WRONG_CREDENTIALS };
const from = (ip: string) => new Headers({ [CLIENT_ADDRESS_HEADER]: ip });
const attempt = (email: string, password: string, ip: string) => signIn({ email, password }, from(ip));

/** Moves every recorded attempt back in time, as if the minutes had passed. */
const age = (minutes: number) => db().$executeRaw`UPDATE sign_in_attempt SET created_at = created_at - make_interval(mins => ${minutes})`;

beforeAll(async () => {
  for (const name of ["asa", "bo", "cecilia", "david", "erik"]) await createStaffUser(db(), { email: `${name}@lerum.se`, name, role: "EDITOR", password: PASSWORD });
});

afterEach(async () => {
  vi.restoreAllMocks();
  await db().signInAttempt.deleteMany();
});

describe("sign-in rate limits", () => {
  it("locks an account at one address after five failures there, answering like a wrong password", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await attempt("asa@lerum.se", "fel-losenord", "10.0.0.1")).toEqual(REFUSED);
    expect(await attempt("ingen@lerum.se", "fel-losenord", "10.0.0.1")).toEqual(REFUSED);
    for (let i = 1; i < MAX_PAIR_FAILURES; i++) await attempt("asa@lerum.se", "fel-losenord", "10.0.0.1");

    // The right password from that address is now refused with the same sentence …
    expect(await attempt("asa@lerum.se", PASSWORD, "10.0.0.1")).toEqual(REFUSED);
    expect(await attempt("ASA@lerum.se ", PASSWORD, "10.0.0.1")).toEqual(REFUSED);
    expect(await db().session.count()).toBe(0);
    // … but the stranger's failures do not lock Åsa out at her own address.
    expect(await attempt("asa@lerum.se", PASSWORD, "10.9.9.9")).toEqual({ status: "signed-in" });
    // Other accounts are not affected at the address either.
    expect(await attempt("bo@lerum.se", PASSWORD, "10.0.0.1")).toEqual({ status: "signed-in" });

    const lockouts = await db().auditLog.findMany({ where: { action: "auth.lockout" } });
    expect(lockouts).toHaveLength(1);
    expect(lockouts[0]).toMatchObject({ entityType: "account", entityId: "asa@lerum.se", ip: "10.0.0.1" });
    expect(warn.mock.calls.some(([line]) => String(line).startsWith("[auth] failed sign-in for asa@lerum.se"))).toBe(true);
    expect(warn.mock.calls.some(([line]) => String(line).startsWith("[auth] refused sign-in for asa@lerum.se from 10.0.0.1"))).toBe(true);

    // Every attempt is recorded, the refused ones too.
    expect(await db().signInAttempt.count({ where: { email: "asa@lerum.se", ip: "10.0.0.1", succeeded: false } })).toBe(MAX_PAIR_FAILURES + 2);

    // Fifteen minutes later the address may try again.
    await age(16);
    expect(await attempt("asa@lerum.se", PASSWORD, "10.0.0.1")).toEqual({ status: "signed-in" });
  });

  it("locks an account at new addresses after failures from many, never at an address it used; an administrator unlocks", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // Erik signed in from his office last week.
    expect(await attempt("erik@lerum.se", PASSWORD, "10.8.0.1")).toEqual({ status: "signed-in" });
    await age(7 * 24 * 60);
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) await attempt("erik@lerum.se", "fel-losenord", `10.8.${1 + Math.floor(i / 200)}.${i % 200}`);
    expect(await accountLocked(db(), "erik@lerum.se")).toBe(true);
    // From an address the account has not used: refused, even with the right password.
    expect(await attempt("erik@lerum.se", PASSWORD, "10.8.9.9")).toEqual(REFUSED);
    // From his office: in.
    expect(await attempt("erik@lerum.se", PASSWORD, "10.8.0.1")).toEqual({ status: "signed-in" });
    expect(await db().auditLog.count({ where: { action: "auth.lockout", entityType: "account", entityId: "erik@lerum.se" } })).toBe(1);

    // Another round of guesses locks new addresses again; an administrator lifts it.
    for (let i = 0; i < MAX_ACCOUNT_FAILURES; i++) await attempt("erik@lerum.se", "fel-losenord", `10.8.${3 + Math.floor(i / 200)}.${i % 200}`);
    expect(await attempt("erik@lerum.se", PASSWORD, "10.8.9.8")).toEqual(REFUSED);
    const admin = await createActor(db(), { role: "ADMIN", email: "admin@lerum.se" });
    const erik = await db().user.findUniqueOrThrow({ where: { email: "erik@lerum.se" } });
    const unlocked = await unlockAccountSignIn(db(), admin, { userId: erik.id }, { ip: "10.1.1.1" });
    expect(unlocked.ok).toBe(true);
    expect(await accountLocked(db(), "erik@lerum.se")).toBe(false);
    expect(await attempt("erik@lerum.se", PASSWORD, "10.8.9.8")).toEqual({ status: "signed-in" });
    expect(await db().auditLog.findFirst({ where: { action: "auth.unlock", entityId: "erik@lerum.se" } })).toMatchObject({ actorEmail: "admin@lerum.se", ip: "10.1.1.1" });
    // A writer may not.
    const writer = await createActor(db(), { role: "WRITER", email: "skribent@lerum.se" });
    await expect(unlockAccountSignIn(db(), writer, { userId: erik.id })).rejects.toThrow();
  });

  it("counts an account's failures since its last successful sign-in", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < MAX_PAIR_FAILURES - 1; i++) await attempt("cecilia@lerum.se", "fel-losenord", "10.0.2.1");
    expect(await attempt("cecilia@lerum.se", PASSWORD, "10.0.2.1")).toEqual({ status: "signed-in" });
    for (let i = 0; i < MAX_PAIR_FAILURES - 1; i++) await attempt("cecilia@lerum.se", "fel-losenord", "10.0.2.1");
    expect(await attempt("cecilia@lerum.se", PASSWORD, "10.0.2.1")).toEqual({ status: "signed-in" });
  });

  it("locks an address after twenty failures, whichever accounts they tried", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < MAX_IP_FAILURES; i++) await attempt(`gissning-${i}@lerum.se`, "fel-losenord", "10.6.6.6");
    expect(await attempt("david@lerum.se", PASSWORD, "10.6.6.6")).toEqual(REFUSED);
    expect(await attempt("david@lerum.se", PASSWORD, "10.7.7.7")).toEqual({ status: "signed-in" });
    expect(await db().auditLog.count({ where: { action: "auth.lockout", entityType: "ip", entityId: "10.6.6.6" } })).toBe(1);
  });

  it("audits successful sign-ins with the address", async () => {
    await attempt("bo@lerum.se", PASSWORD, "10.3.3.3");
    const row = await db().auditLog.findFirstOrThrow({ where: { action: "auth.sign-in", ip: "10.3.3.3" } });
    expect(row).toMatchObject({ actorEmail: "bo@lerum.se", entityType: "user" });
  });

  it("guards better-auth's HTTP endpoint the same way", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    // A new address per request, so better-auth's own per-address limit (429) stays out of it.
    let n = 0;
    const post = (password: string) =>
      auth().handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", {
          method: "POST",
          headers: { "content-type": "application/json", origin: "http://localhost:3000", [CLIENT_ADDRESS_HEADER]: `10.4.4.${++n}` },
          body: JSON.stringify({ email: "david@lerum.se", password }),
        }),
      );
    const wrong = await post("fel-losenord");
    expect(wrong.status).toBe(401);
    const wrongBody = await wrong.json();
    for (let i = 1; i < MAX_ACCOUNT_FAILURES; i++) await post("fel-losenord");
    // From yet another new address: locked.
    const locked = await post(PASSWORD);
    expect(locked.status).toBe(401);
    expect(await locked.json()).toEqual(wrongBody);
    expect(await db().signInAttempt.count({ where: { email: "david@lerum.se", succeeded: false } })).toBe(MAX_ACCOUNT_FAILURES + 1);
  });

  it("answers a NUL byte in the address or password with 400, before the database sees it", async () => {
    for (const body of [{ email: "asa\u0000@lerum.se", password: PASSWORD }, { email: "asa@lerum.se", password: "x\u0000" }, { email: "asa@lerum.se", password: "\uD83D" }]) {
      const res = await auth().handler(
        new Request("http://localhost:3000/api/auth/sign-in/email", { method: "POST", headers: { "content-type": "application/json", origin: "http://localhost:3000", [CLIENT_ADDRESS_HEADER]: "10.4.5.6" }, body: JSON.stringify(body) }),
      );
      expect(res.status).toBe(400);
    }
    expect(await db().signInAttempt.count({ where: { ip: "10.4.5.6" } })).toBe(0);
    // Through the form: the same sentence as any refusal.
    expect(await attempt("asa@lerum.se", "x\u0000", "10.4.5.7")).toEqual(REFUSED);
  });

  it("keeps attempts for a day", async () => {
    vi.spyOn(console, "warn").mockImplementation(() => {});
    await attempt("bo@lerum.se", "fel-losenord", "10.5.5.5");
    await age(25 * 60);
    await attempt("bo@lerum.se", "fel-losenord", "10.5.5.5");
    expect(await pruneSignInAttempts(db())).toBe(1);
    expect(await db().signInAttempt.count()).toBe(1);
  });
});
