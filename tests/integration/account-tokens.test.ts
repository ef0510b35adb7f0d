import { verify } from "@node-rs/argon2";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import {
  changeOwnPassword,
  getAccountTokenStatus,
  INVITE_VALID_MS,
  inviteUser,
  requestPasswordReset,
  resendInvite,
  RESET_VALID_MS,
  sendPasswordReset,
  setPasswordWithToken,
  signOutEverywhere,
  TOKEN_MESSAGES,
} from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { createStaffUser } from "@/lib/db/users";
import { createMailer, type Mailer } from "@/lib/mail/mailer";
import { createActor, createOrganisation } from "../factories";
import { startSmtpServer, type Received } from "../setup/smtp-server";

// Invites and password resets end to end: the mail goes over SMTP to a real local server,
// the link in it sets a password that verifies, and the link then stops working.

let inbox: Received[];
let mailer: Mailer;
let closeServer: () => Promise<void>;

function linkIn(mail: Received): { url: string; token: string } {
  const match = /(https?:\/\/\S+\/nytt-losenord\/([A-Za-z0-9_-]{43}))/.exec(mail.text);
  if (!match) throw new Error(`no set-password link in mail:\n${mail.text}`);
  return { url: match[1]!, token: match[2]! };
}

beforeAll(async () => {
  ({ inbox, mailer, close: closeServer } = await startSmtpServer());
});

afterAll(() => closeServer());

const PASSWORD = "ett-nytt-langt-losenord";

async function passwordHashOf(userId: string): Promise<string | null> {
  const account = await db().account.findFirst({ where: { userId, providerId: "credential" } });
  return account?.password ?? null;
}

async function addSession(userId: string, id: string) {
  await db().session.create({ data: { id, token: `token-${id}`, userId, expiresAt: new Date(Date.now() + 3_600_000) } });
}

describe("invites", () => {
  it("mails a one-time link that sets the password, and works only once", async () => {
    const lerum = await createOrganisation(db(), { slug: "lerum" });
    const admin = await createActor(db(), { role: "ADMIN", name: "Anna Admin" });
    const before = inbox.length;
    const result = await inviteUser(db(), admin, { email: " Ny.Skribent@Lerum.se", name: "Nils Skribent", role: "WRITER", organisationIds: [lerum.id] }, { mailer });
    expect(result).toMatchObject({ ok: true, value: { email: "ny.skribent@lerum.se", link: null }, message: "En inbjudan har skickats till ny.skribent@lerum.se." });
    if (!result.ok) return;

    expect(inbox).toHaveLength(before + 1);
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual(["ny.skribent@lerum.se"]);
    expect(mail.text).toContain("Hej Nils Skribent!");
    expect(mail.text).toContain("Anna Admin har bjudit in dig som skribent");
    const { url, token } = linkIn(mail);
    expect(url).toBe(`http://localhost:3000/nytt-losenord/${token}`);

    // Only the hash of the token is stored, valid for 7 days; the account has no password yet.
    const row = await db().accountToken.findFirstOrThrow({ where: { userId: result.value.userId } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - INVITE_VALID_MS)).toBeLessThan(1000);
    expect(await passwordHashOf(result.value.userId)).toBeNull();
    const user = await db().user.findUniqueOrThrow({ where: { id: result.value.userId }, include: { organisations: true } });
    expect(user).toMatchObject({ role: "WRITER", name: "Nils Skribent", emailVerified: false });
    expect(user.organisations.map((o) => o.organisationId)).toEqual([lerum.id]);
    expect(await getAccountTokenStatus(db(), token)).toEqual({ state: "valid", purpose: "INVITE", email: "ny.skribent@lerum.se", name: "Nils Skribent" });

    const set = await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD });
    expect(set).toMatchObject({ ok: true, value: { email: "ny.skribent@lerum.se", purpose: "INVITE" } });
    const stored = await passwordHashOf(result.value.userId);
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verify(stored!, PASSWORD)).toBe(true);
    expect((await db().user.findUniqueOrThrow({ where: { id: result.value.userId } })).emailVerified).toBe(true);

    const again = await setPasswordWithToken(db(), { token, password: "ett-annat-langt-losenord", confirm: "ett-annat-langt-losenord" });
    expect(again).toEqual({ ok: false, error: TOKEN_MESSAGES.used, fieldErrors: undefined });
    expect(await verify((await passwordHashOf(result.value.userId))!, PASSWORD)).toBe(true);
    expect(await getAccountTokenStatus(db(), token)).toEqual({ state: "used" });

    const actions = (await db().auditLog.findMany({ where: { entityId: result.value.userId }, orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["user.invite", "account.activate"]);
  });

  it("refuses an expired link, a wrong password pair and a made-up token without using the link", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const result = await inviteUser(db(), admin, { email: "sen@lerum.se", name: "Sen", role: "EDITOR" }, { mailer });
    if (!result.ok) throw new Error("invite failed");
    const { token } = linkIn(inbox.at(-1)!);

    expect(await setPasswordWithToken(db(), { token, password: "kort", confirm: "kort" })).toMatchObject({ ok: false, fieldErrors: { password: "Lösenordet måste ha minst 12 tecken." } });
    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: `${PASSWORD}x` })).toMatchObject({
      ok: false,
      fieldErrors: { confirm: "Lösenorden är inte likadana. Skriv samma lösenord två gånger." },
    });
    expect(await getAccountTokenStatus(db(), token)).toMatchObject({ state: "valid" });

    await db().$executeRaw`UPDATE account_token SET expires_at = now() - interval '1 minute' WHERE user_id = ${result.value.userId}`;
    expect(await getAccountTokenStatus(db(), token)).toEqual({ state: "expired" });
    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: false, error: TOKEN_MESSAGES.expired });
    expect(await passwordHashOf(result.value.userId)).toBeNull();

    const madeUp = "A".repeat(43);
    expect(await setPasswordWithToken(db(), { token: madeUp, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: false, error: TOKEN_MESSAGES.invalid });
    expect(await setPasswordWithToken(db(), { token: "../../etc", password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: false, error: TOKEN_MESSAGES.invalid });
    expect(await getAccountTokenStatus(db(), "kort")).toEqual({ state: "invalid" });
  });

  it("lets exactly one of two simultaneous uses of a link through", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    await inviteUser(db(), admin, { email: "samtidig@lerum.se", name: "Samtidig", role: "WRITER" }, { mailer });
    const { token } = linkIn(inbox.at(-1)!);
    const results = await Promise.all([
      setPasswordWithToken(db(), { token, password: "forsta-langa-losenordet", confirm: "forsta-langa-losenordet" }),
      setPasswordWithToken(db(), { token, password: "andra-langa-losenordet", confirm: "andra-langa-losenordet" }),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
  });

  it("refuses a second account for the same address, and writers and editors cannot invite", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const before = inbox.length;
    expect(await inviteUser(db(), admin, { email: "ny.skribent@lerum.se", name: "Igen", role: "WRITER" }, { mailer })).toMatchObject({
      ok: false,
      fieldErrors: { email: "Det finns redan ett konto med den e-postadressen." },
    });
    expect(await inviteUser(db(), admin, { email: "inte-en-adress", name: "", role: "CHEF" }, { mailer })).toMatchObject({
      ok: false,
      fieldErrors: { email: "Skriv en giltig e-postadress.", name: "Skriv personens namn.", role: "Välj en roll." },
    });
    for (const role of ["WRITER", "EDITOR"] as const) {
      const actor = await createActor(db(), { role });
      await expect(inviteUser(db(), actor, { email: `${role}@x.se`, name: "X", role: "ADMIN" }, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(inbox).toHaveLength(before);
    expect(await db().user.count({ where: { email: { in: ["writer@x.se", "editor@x.se"] } } })).toBe(0);
  });

  it("re-sends an invite with a new link and retires the old one; not once a password is set", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const invited = await inviteUser(db(), admin, { email: "igen@lerum.se", name: "Igen", role: "WRITER" }, { mailer });
    if (!invited.ok) throw new Error("invite failed");
    const first = linkIn(inbox.at(-1)!).token;
    expect(await resendInvite(db(), admin, { userId: invited.value.userId }, { mailer })).toMatchObject({ ok: true });
    const second = linkIn(inbox.at(-1)!).token;
    expect(second).not.toBe(first);
    expect(await getAccountTokenStatus(db(), first)).toEqual({ state: "used" });
    expect(await setPasswordWithToken(db(), { token: second, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: true });
    expect(await resendInvite(db(), admin, { userId: invited.value.userId }, { mailer })).toMatchObject({ ok: false });
    const writer = await createActor(db(), { role: "WRITER" });
    await expect(resendInvite(db(), writer, { userId: invited.value.userId }, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("in local mode sends nothing, logs the link and gives it to the administrator", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    const admin = await createActor(db(), { role: "ADMIN" });
    const before = inbox.length;
    const result = await inviteUser(db(), admin, { email: "lokal@lerum.se", name: "Lokal", role: "WRITER" }, { mailer: createMailer(undefined, "x <x@x.se>") });
    expect(result.ok && result.value.link).toMatch(/^http:\/\/localhost:3000\/nytt-losenord\/[A-Za-z0-9_-]{43}$/);
    expect(result.ok && result.message).toBe("Kontot för lokal@lerum.se är skapat.");
    const link = result.ok ? result.value.link! : "";
    expect(info.mock.calls.some(([line]) => String(line).startsWith("[mail]") && String(line).includes(link))).toBe(true);
    expect(inbox).toHaveLength(before);
    const token = link.split("/").at(-1)!;
    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: true });
    info.mockRestore();
  });
});

describe("password reset", () => {
  it("mails an hour-long link that replaces the password and ends every session", async () => {
    const { id } = await createStaffUser(db(), { email: "glomsk@lerum.se", name: "Glömsk", role: "EDITOR", password: "det-gamla-losenordet" });
    await addSession(id, "s1");
    await addSession(id, "s2");
    const before = inbox.length;
    await requestPasswordReset(db(), { email: " Glomsk@Lerum.se " }, { mailer, ip: "10.1.1.1" });
    expect(inbox).toHaveLength(before + 1);
    const mail = inbox.at(-1)!;
    expect(mail.to).toEqual(["glomsk@lerum.se"]);
    expect(mail.text).toContain("gäller i 60 minuter");
    const { token } = linkIn(mail);
    const row = await db().accountToken.findFirstOrThrow({ where: { userId: id } });
    expect(row.purpose).toBe("RESET");
    expect(Math.abs(row.expiresAt.getTime() - row.createdAt.getTime() - RESET_VALID_MS)).toBeLessThan(1000);

    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD }, { ip: "10.1.1.1" })).toMatchObject({ ok: true, value: { purpose: "RESET" } });
    const stored = (await passwordHashOf(id))!;
    expect(await verify(stored, PASSWORD)).toBe(true);
    expect(await verify(stored, "det-gamla-losenordet")).toBe(false);
    expect(await db().session.count({ where: { userId: id } })).toBe(0);
    expect(await db().account.count({ where: { userId: id } })).toBe(1);
    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: false, error: TOKEN_MESSAGES.used });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id, action: "account.password-reset" } });
    expect(audit).toMatchObject({ actorEmail: "glomsk@lerum.se", ip: "10.1.1.1" });
  });

  it("refuses an expired reset link", async () => {
    const { id } = await createStaffUser(db(), { email: "sen-reset@lerum.se", name: "Sen", role: "WRITER", password: "det-gamla-losenordet" });
    await requestPasswordReset(db(), { email: "sen-reset@lerum.se" }, { mailer });
    const { token } = linkIn(inbox.at(-1)!);
    await db().$executeRaw`UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = ${id}`;
    expect(await setPasswordWithToken(db(), { token, password: PASSWORD, confirm: PASSWORD })).toMatchObject({ ok: false, error: TOKEN_MESSAGES.expired });
    expect(await verify((await passwordHashOf(id))!, "det-gamla-losenordet")).toBe(true);
  });

  it("sends nothing for an unknown address, and at most three links an hour per account", async () => {
    const before = inbox.length;
    await requestPasswordReset(db(), { email: "finns-inte@lerum.se" }, { mailer });
    expect(inbox).toHaveLength(before);

    const { id } = await createStaffUser(db(), { email: "ivrig@lerum.se", name: "Ivrig", role: "WRITER", password: "det-gamla-losenordet" });
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    for (let i = 0; i < 5; i++) await requestPasswordReset(db(), { email: "ivrig@lerum.se" }, { mailer });
    warn.mockRestore();
    expect(inbox.filter((m) => m.to.includes("ivrig@lerum.se"))).toHaveLength(3);
    expect(await db().accountToken.count({ where: { userId: id } })).toBe(3);
  });

  it("an administrator can send a reset link; older links stop working", async () => {
    const admin = await createActor(db(), { role: "ADMIN" });
    const { id } = await createStaffUser(db(), { email: "hjalp@lerum.se", name: "Hjälp", role: "WRITER", password: "det-gamla-losenordet" });
    await requestPasswordReset(db(), { email: "hjalp@lerum.se" }, { mailer });
    const own = linkIn(inbox.at(-1)!).token;
    expect(await sendPasswordReset(db(), admin, { userId: id }, { mailer })).toMatchObject({ ok: true, value: { link: null } });
    const fromAdmin = linkIn(inbox.at(-1)!).token;
    expect(await getAccountTokenStatus(db(), own)).toEqual({ state: "used" });
    expect(await getAccountTokenStatus(db(), fromAdmin)).toMatchObject({ state: "valid", purpose: "RESET" });
    const editor = await createActor(db(), { role: "EDITOR" });
    await expect(sendPasswordReset(db(), editor, { userId: id }, { mailer })).rejects.toBeInstanceOf(ForbiddenError);
  });
});

describe("own account", () => {
  it("changes the password with the current one and ends the other sessions", async () => {
    const { id } = await createStaffUser(db(), { email: "byter@lerum.se", name: "Byter", role: "WRITER", password: "det-gamla-losenordet" });
    const actor = { id, email: "byter@lerum.se", name: "Byter", role: "WRITER" as const, organisationIds: [] };
    await addSession(id, "denna");
    await addSession(id, "annan");
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(await changeOwnPassword(db(), actor, { current: "fel-losenord", password: PASSWORD, confirm: PASSWORD })).toMatchObject({
      ok: false,
      fieldErrors: { current: "Det nuvarande lösenordet stämmer inte." },
    });
    warn.mockRestore();
    expect(await changeOwnPassword(db(), actor, { current: "det-gamla-losenordet", password: PASSWORD, confirm: PASSWORD }, { keepSessionId: "denna" })).toMatchObject({ ok: true });
    expect(await verify((await passwordHashOf(id))!, PASSWORD)).toBe(true);
    expect((await db().session.findMany({ where: { userId: id } })).map((s) => s.id)).toEqual(["denna"]);
  });

  it("signs out everywhere", async () => {
    const { id } = await createStaffUser(db(), { email: "overallt@lerum.se", name: "Överallt", role: "EDITOR", password: "det-gamla-losenordet" });
    const other = await createStaffUser(db(), { email: "kollega@lerum.se", name: "Kollega", role: "EDITOR", password: "det-gamla-losenordet" });
    await addSession(id, "a");
    await addSession(id, "b");
    await addSession(other.id, "c");
    const result = await signOutEverywhere(db(), { id, email: "overallt@lerum.se", name: "Överallt", role: "EDITOR", organisationIds: [] });
    expect(result).toMatchObject({ ok: true, value: { sessions: 2 } });
    expect(await db().session.count({ where: { userId: id } })).toBe(0);
    expect(await db().session.count({ where: { userId: other.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "auth.sign-out-everywhere", entityId: id } })).toBe(1);
  });
});
