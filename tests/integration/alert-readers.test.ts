import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { pruneOutbox } from "@/lib/db/alert-outbox";
import { RATE_LIMITED, readerAlertCommands, SUBSCRIBE_LIMITS } from "@/lib/db/alert-readers";
import { runAlertWork } from "@/lib/db/alert-schedule";
import { manageTokenFor, pendingConfirmation, pruneUnconfirmed, subscriberLists } from "@/lib/db/alerts";
import { db } from "@/lib/db/client";
import { createMailer } from "@/lib/mail/mailer";
import { createOrganisation, createStory } from "../factories";
import { startSmtpServer, type Received } from "../setup/smtp-server";

// The readers' side of e-mail alerts (decision 020) against real PostgreSQL and a real SMTP
// server: the form's command with its limits and audit entries, confirming, the manage token's
// authority over its own lists only, and the scheduler's alert work end to end.

const c = db;
const SECRET = "ett-hemligt-test-varde-som-ar-langt-nog-5678";
const SITE = "https://naringslivsnytt.test";
const HOST = "naringslivsnytt.test";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let lerum: { id: string };
const ctx = (now?: Date) => ({ siteUrl: SITE, secret: SECRET, now });
const meta = (ip: string, now?: Date) => ({ ip, ctx: ctx(now) });

beforeAll(async () => {
  smtp = await startSmtpServer();
  lerum = await createOrganisation(c(), { slug: "lerum", name: "Lerums kommun" });
});
afterAll(() => smtp.close());

/** One scheduler tick's alert work, as the route runs it (one pooled connection), answering the mails that arrived. */
async function tick(now?: Date): Promise<Received[]> {
  const before = smtp.inbox.length;
  const mailer = createMailer(smtp.url, "Näringslivsnytt <noreply@test.local>", { pooled: true });
  try {
    await runAlertWork(c(), mailer, { ctx: ctx(now), host: HOST });
  } finally {
    mailer.close();
  }
  return smtp.inbox.slice(before);
}

const confirmToken = (mail: Received) => /\/bevakning\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];
const form = (email: string, over: Record<string, unknown> = {}) => ({ email, scope: "ORGANISATION", targetId: lerum.id, frequency: "IMMEDIATE", ...over });

describe("the subscribe form's command", () => {
  it("answers a bad address and a missing choice in Swedish and records nothing", async () => {
    const before = await c().auditLog.count();
    expect(await readerAlertCommands.requestSubscription(c(), form("inte-en-adress", { frequency: "" }), meta("192.0.2.1"))).toEqual({
      ok: false,
      fieldErrors: { email: "Skriv en e-postadress som namn@exempel.se.", frequency: "Välj hur ofta du vill få e-post." },
    });
    expect(await readerAlertCommands.requestSubscription(c(), form("a@b.se", { targetId: "inte-ett-id" }), meta("192.0.2.1"))).toMatchObject({ ok: false, fieldErrors: { targetId: "Välj vad du vill bevaka." } });
    expect(await c().auditLog.count()).toBe(before);
    expect(await c().alertOutbox.count()).toBe(0);
  });

  it("audits an accepted request with the client's address but never the e-mail address", async () => {
    expect(await readerAlertCommands.requestSubscription(c(), form("Audit@Foretaget.se"), meta("192.0.2.2"))).toEqual({ ok: true });
    const entry = await c().auditLog.findFirstOrThrow({ where: { action: "alert.subscribe", ip: "192.0.2.2" } });
    expect(entry).toMatchObject({ actorId: null, entityType: "alert_list", entityId: `ORGANISATION:${lerum.id}` });
    expect(JSON.stringify({ ...entry, id: String(entry.id) }).toLowerCase()).not.toContain("audit@foretaget.se");
  });

  it("limits requests per client address and confirm mails per e-mail address", async () => {
    for (let i = 0; i < SUBSCRIBE_LIMITS.perIpPerHour; i++) expect(await readerAlertCommands.requestSubscription(c(), form(`ip-${i}@foretaget.se`), meta("192.0.2.3"))).toEqual({ ok: true });
    expect(await readerAlertCommands.requestSubscription(c(), form("ip-sista@foretaget.se"), meta("192.0.2.3"))).toEqual({ ok: false, error: RATE_LIMITED });
    // Another client is not affected.
    expect(await readerAlertCommands.requestSubscription(c(), form("ip-sista@foretaget.se"), meta("192.0.2.4"))).toEqual({ ok: true });
    // One address asked again and again (a stranger filling in someone else's address) gets a few mails, then none.
    for (let i = 1; i < SUBSCRIBE_LIMITS.perAddressPerHour; i++) expect(await readerAlertCommands.requestSubscription(c(), form("ofta@foretaget.se"), meta(`198.51.100.${i}`))).toEqual({ ok: true });
    expect(await readerAlertCommands.requestSubscription(c(), form("ofta@foretaget.se"), meta("198.51.100.99"))).toEqual({ ok: true });
    expect(await readerAlertCommands.requestSubscription(c(), form("ofta@foretaget.se"), meta("198.51.100.100"))).toEqual({ ok: false, error: RATE_LIMITED });
    expect(await c().alertOutbox.count({ where: { toAddress: "ofta@foretaget.se" } })).toBe(SUBSCRIBE_LIMITS.perAddressPerHour);
  });
});

describe("confirming, managing and the scheduler's alert work", () => {
  it("from the form to an immediate alert after a publish, each mail once, then unsubscribed", async () => {
    expect(await readerAlertCommands.requestSubscription(c(), form("lasare@foretaget.se"), meta("203.0.113.1"))).toEqual({ ok: true });
    const [confirmMail] = (await tick()).filter((m) => m.to.includes("lasare@foretaget.se"));
    const token = confirmToken(confirmMail!)!;
    // The GET of the confirm page only reads: the link still works after it.
    expect(await pendingConfirmation(c(), token)).toBe("Lerums kommun");
    expect(await pendingConfirmation(c(), token)).toBe("Lerums kommun");
    expect(await pendingConfirmation(c(), "x".repeat(43))).toBeNull();
    expect(await pendingConfirmation(c(), "../../etc")).toBeNull();
    expect(await readerAlertCommands.confirm(c(), token, { ip: "203.0.113.1" })).toEqual({ ok: true, list: "Lerums kommun" });
    expect(await readerAlertCommands.confirm(c(), token, { ip: "203.0.113.1" })).toEqual({ ok: false });
    expect(await readerAlertCommands.confirm(c(), 42, { ip: "203.0.113.1" })).toEqual({ ok: false });
    expect(await pendingConfirmation(c(), token)).toBeNull();

    // A story published by hand (no scheduled publish involved) is found by the next tick.
    const story = await createStory(c(), { title: "Nytt företagsområde i Lerum", organisationIds: [lerum.id], publishedAt: new Date(Date.now() + 1000) });
    const alerts = (await tick(new Date(Date.now() + 2000))).filter((m) => m.to.includes("lasare@foretaget.se"));
    expect(alerts.map((m) => m.subject)).toEqual(["Nytt företagsområde i Lerum"]);
    expect(alerts[0]!.text).toContain(`${SITE}/nyheter/${story.slug}`);
    // Ticks that follow send nothing again.
    expect((await tick(new Date(Date.now() + 3000))).filter((m) => m.to.includes("lasare@foretaget.se"))).toEqual([]);

    const subscriber = await c().alertSubscriber.findUniqueOrThrow({ where: { email: "lasare@foretaget.se" } });
    const manage = manageTokenFor(subscriber.id, SECRET);
    expect(alerts[0]!.text).toContain(`${SITE}/bevakning/${manage}`);
    const mine = await subscriberLists(c(), manage);
    expect(mine).toEqual({ email: "lasare@foretaget.se", lists: [{ id: expect.any(String), name: "Lerums kommun", frequency: "IMMEDIATE", confirmed: true }] });
    const listId = mine!.lists[0]!.id;
    expect(await readerAlertCommands.changeFrequency(c(), manage, { subscriptionId: listId, frequency: "WEEKLY" }, { ip: "203.0.113.1" })).toEqual({ ok: true });
    expect(await readerAlertCommands.changeFrequency(c(), manage, { subscriptionId: listId, frequency: "OFTA" }, { ip: "203.0.113.1" })).toMatchObject({ ok: false, fieldErrors: { frequency: "Välj hur ofta du vill få e-post." } });
    expect((await subscriberLists(c(), manage))!.lists[0]!.frequency).toBe("WEEKLY");
    expect(await subscriberLists(c(), "y".repeat(43))).toBeNull();
    await c().auditLog.findFirstOrThrow({ where: { action: "alert.frequency", entityId: listId } });

    expect(await readerAlertCommands.unsubscribe(c(), manage, listId, { ip: "203.0.113.1" })).toBe(true);
    expect((await subscriberLists(c(), manage))!.lists).toEqual([]);
    await c().auditLog.findFirstOrThrow({ where: { action: "alert.unsubscribe", entityId: listId } });
  });

  it("a manage token rules its own lists only", async () => {
    const emails = ["agare@foretaget.se", "annan-agare@foretaget.se"];
    for (const email of emails) {
      await readerAlertCommands.requestSubscription(c(), form(email, { frequency: "DAILY" }), meta("203.0.113.2"));
    }
    for (const mail of (await tick()).filter((m) => emails.some((e) => m.to.includes(e)))) await readerAlertCommands.confirm(c(), confirmToken(mail)!, { ip: "203.0.113.2" });
    const [mine, theirs] = await Promise.all(emails.map((email) => c().alertSubscriber.findUniqueOrThrow({ where: { email }, include: { subscriptions: true } })));
    const myToken = manageTokenFor(mine!.id, SECRET);
    const theirList = theirs!.subscriptions[0]!.id;
    expect(await readerAlertCommands.changeFrequency(c(), myToken, { subscriptionId: theirList, frequency: "WEEKLY" }, { ip: "203.0.113.2" })).toEqual({ ok: false, error: "Bevakningen finns inte längre." });
    expect(await readerAlertCommands.unsubscribe(c(), myToken, theirList, { ip: "203.0.113.2" })).toBe(false);
    expect(await c().alertSubscription.findUniqueOrThrow({ where: { id: theirList } })).toMatchObject({ frequency: "DAILY" });
  });

  it("in local mode the log shows the confirmation link, so a reader of `npm start` can confirm", async () => {
    const info = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      await readerAlertCommands.requestSubscription(c(), form("lokal@foretaget.se"), meta("203.0.113.3"));
      await runAlertWork(c(), createMailer(undefined, "Näringslivsnytt <noreply@test.local>"), { ctx: ctx(), host: HOST });
      const line = info.mock.calls.map((call) => String(call[0])).find((l) => l.includes("lokal@foretaget.se"));
      expect(line).toMatch(new RegExp(`Link: ${SITE}/bevakning/bekrafta/[A-Za-z0-9_-]{43}$`));
    } finally {
      info.mockRestore();
    }
  });
});

describe("outbox retention", () => {
  it("deletes sent mails older than the retention, and keeps newer and unsent ones", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 31 * 86_400_000);
    const recent = new Date(now.getTime() - 29 * 86_400_000);
    const row = (key: string, data: object) => c().alertOutbox.create({ data: { dedupeKey: key, toAddress: "r@foretaget.se", subject: "S", text: "T", headers: {}, ...data } });
    await row("ret:old-sent", { status: "SENT", sentAt: old });
    await row("ret:recent-sent", { status: "SENT", sentAt: recent });
    await row("ret:old-pending", { status: "PENDING", createdAt: old });
    expect(await pruneOutbox(c(), 30, now)).toBe(1);
    expect((await c().alertOutbox.findMany({ where: { dedupeKey: { startsWith: "ret:" } }, select: { dedupeKey: true }, orderBy: { dedupeKey: "asc" } })).map((r) => r.dedupeKey)).toEqual(["ret:old-pending", "ret:recent-sent"]);
  });
});

describe("unconfirmed subscriptions", () => {
  it("are deleted once their confirm link has expired, with an address left without lists, and confirmed ones stay", async () => {
    const now = new Date();
    const old = new Date(now.getTime() - 49 * 3600_000);
    const young = new Date(now.getTime() - 47 * 3600_000);
    const subscriber = (email: string, createdAt: Date) => c().alertSubscriber.create({ data: { email, manageTokenHash: `hash-${email}`, createdAt } });
    const gone = await subscriber("gammal@foretaget.se", old);
    const kept = await subscriber("bekraftad@foretaget.se", old);
    const fresh = await subscriber("ny@foretaget.se", young);
    await c().alertSubscription.create({ data: { subscriberId: gone.id, scope: "SITE", frequency: "DAILY", createdAt: old } });
    await c().alertSubscription.create({ data: { subscriberId: kept.id, scope: "SITE", frequency: "DAILY", createdAt: old, confirmedAt: old } });
    const partille = await createOrganisation(c(), { slug: "partille-rensning", name: "Partille kommun" });
    await c().alertSubscription.create({ data: { subscriberId: kept.id, scope: "ORGANISATION", targetId: partille.id, frequency: "WEEKLY", createdAt: old } });
    await c().alertSubscription.create({ data: { subscriberId: fresh.id, scope: "SITE", frequency: "DAILY", createdAt: young } });
    expect(await pruneUnconfirmed(c(), now)).toBe(2);
    const left = await c().alertSubscriber.findMany({ where: { id: { in: [gone.id, kept.id, fresh.id] } }, select: { email: true, subscriptions: { select: { frequency: true } } }, orderBy: { email: "asc" } });
    expect(left).toEqual([
      { email: "bekraftad@foretaget.se", subscriptions: [{ frequency: "DAILY" }] },
      { email: "ny@foretaget.se", subscriptions: [{ frequency: "DAILY" }] },
    ]);
  });
});
