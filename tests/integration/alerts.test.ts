import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverOutbox } from "@/lib/db/alert-outbox";
import { alertLists, confirmSubscription, CONFIRM_VALID_MS, enqueueDigests, enqueueStoryAlerts, manageTokenFor, subscribe, subscribeSchema, unsubscribe } from "@/lib/db/alerts";
import { db } from "@/lib/db/client";
import { alertsSource } from "@/lib/db/personal-data/alerts";
import { createOrganisation, createStory, createTopic } from "../factories";
import { startSmtpServer, type Received } from "../setup/smtp-server";

// E-mail alerts (decision 020) against real PostgreSQL, mailed through the outbox to a real
// SMTP server: double opt-in, immediate alerts, digests, one-click unsubscribe.

const c = db;
const SECRET = "ett-hemligt-test-varde-som-ar-langt-nog-1234";
const SITE = "https://naringslivsnytt.test";
const HOUR = 3600_000;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let lerum: { id: string };
let export_: { id: string };
const t0 = new Date("2026-11-02T08:00:00Z");
const at = (hours: number) => new Date(t0.getTime() + hours * HOUR);
const ctx = (now: Date) => ({ siteUrl: SITE, secret: SECRET, now });

beforeAll(async () => {
  smtp = await startSmtpServer();
  lerum = await createOrganisation(c(), { slug: "lerum", name: "Lerums kommun" });
  export_ = await createTopic(c(), { slug: "export", name: "Export" });
});
afterAll(() => smtp.close());

/** Hands what the outbox holds to SMTP and answers the mails that arrived. */
async function deliver(): Promise<Received[]> {
  const before = smtp.inbox.length;
  await deliverOutbox(c(), smtp.mailer, { host: "naringslivsnytt.test" });
  return smtp.inbox.slice(before);
}

const confirmLink = (mail: Received) => /\/bevakning\/bekrafta\/([A-Za-z0-9_-]{43})/.exec(mail.text)?.[1];

async function subscribed(email: string, scope: "SITE" | "ORGANISATION" | "TOPIC", targetId: string | null, frequency: "IMMEDIATE" | "DAILY" | "WEEKLY", now: Date) {
  expect(await subscribe(c(), subscribeSchema.parse({ email, scope, targetId, frequency }), ctx(now))).toEqual({ ok: true });
  const [mail] = (await deliver()).filter((m) => m.to.includes(email.toLowerCase()));
  expect(await confirmSubscription(c(), confirmLink(mail!)!, now)).toMatchObject({ ok: true });
}

describe("subscribing", () => {
  it("refuses a malformed address with a Swedish message", () => {
    const parsed = subscribeSchema.safeParse({ email: "inte en adress", scope: "ORGANISATION", targetId: lerum.id, frequency: "DAILY" });
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe("Skriv en e-postadress som namn@exempel.se.");
  });

  it("mails a one-time confirmation link and sends nothing else until it is used", async () => {
    const input = subscribeSchema.parse({ email: " Anna@Foretaget.SE ", scope: "ORGANISATION", targetId: lerum.id, frequency: "DAILY" });
    expect(input.email).toBe("anna@foretaget.se");
    expect(await subscribe(c(), input, ctx(t0))).toEqual({ ok: true });
    const [mail] = await deliver();
    expect(mail!.to).toEqual(["anna@foretaget.se"]);
    expect(mail!.subject).toBe("Bekräfta din bevakning av Lerums kommun");
    expect(mail!.text).toContain("en gång om dagen");
    // No tracking: the only links are our own, unchanged, and there is no HTML part to hide a pixel in.
    expect(mail!.head).not.toMatch(/text\/html/i);
    const token = confirmLink(mail!)!;
    // Unconfirmed, a story about Lerum gives no digest.
    await createStory(c(), { title: "Lerum före bekräftelsen", organisationIds: [lerum.id], publishedAt: at(1) });
    expect(await enqueueDigests(c(), "DAILY", ctx(at(30)))).toEqual({ mails: 0 });
    expect(await confirmSubscription(c(), token, at(2))).toEqual({ ok: true, list: "Lerums kommun" });
    expect(await confirmSubscription(c(), token, at(2))).toEqual({ ok: false });
    // Subscribing again to a list one already follows sends nothing new and answers the same.
    expect(await subscribe(c(), input, ctx(at(3)))).toEqual({ ok: true });
    expect(await deliver()).toEqual([]);
  });

  it("an expired or malformed confirmation link does nothing", async () => {
    await subscribe(c(), subscribeSchema.parse({ email: "sen@foretaget.se", scope: "SITE", targetId: null, frequency: "WEEKLY" }), ctx(t0));
    const token = confirmLink((await deliver())[0]!)!;
    expect(await confirmSubscription(c(), token, new Date(t0.getTime() + CONFIRM_VALID_MS + 1))).toEqual({ ok: false });
    expect(await confirmSubscription(c(), "kort", t0)).toEqual({ ok: false });
    expect(await subscribe(c(), { email: "x@y.se", scope: "TOPIC", targetId: "00000000-0000-4000-8000-000000000000", frequency: "DAILY" }, ctx(t0))).toMatchObject({ ok: false });
  });
});

describe("alerts and digests", () => {
  it("mails an immediate alert once per subscriber, with one-click unsubscribe headers", async () => {
    await subscribed("direkt@foretaget.se", "TOPIC", export_.id, "IMMEDIATE", at(10));
    await subscribed("direkt@foretaget.se", "ORGANISATION", lerum.id, "IMMEDIATE", at(10));
    const story = await createStory(c(), { title: "Exportstöd för småföretag i Lerum", organisationIds: [lerum.id], topicIds: [export_.id], publishedAt: at(11) });
    expect(await enqueueStoryAlerts(c(), story.id, ctx(at(11)))).toBe(1);
    expect(await enqueueStoryAlerts(c(), story.id, ctx(at(11)))).toBe(0);
    const mails = (await deliver()).filter((m) => m.to.includes("direkt@foretaget.se"));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Exportstöd för småföretag i Lerum");
    expect(mails[0]!.text).toContain(`${SITE}/nyheter/${story.slug}`);
    expect(mails[0]!.head).toMatch(/List-Unsubscribe: <https:\/\/naringslivsnytt\.test\/api\/bevakning\/avsluta\/[A-Za-z0-9_-]{43}\/[0-9a-f-]{36}>/);
    expect(mails[0]!.head).toContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
    expect(mails[0]!.head).toMatch(/Message-ID: <alert-\d+@naringslivsnytt\.test>/i);
  });

  it("gathers a day's stories into one digest and moves on from them", async () => {
    await subscribed("daglig@foretaget.se", "ORGANISATION", lerum.id, "DAILY", at(20));
    await createStory(c(), { title: "Ny företagslots i Lerum", organisationIds: [lerum.id], publishedAt: at(21) });
    await createStory(c(), { title: "Frukostmöte i Lerum", organisationIds: [lerum.id], publishedAt: at(22) });
    await createStory(c(), { title: "Inte om Lerum", publishedAt: at(22) });
    await enqueueDigests(c(), "DAILY", ctx(at(45)));
    const [digest, ...rest] = (await deliver()).filter((m) => m.to.includes("daglig@foretaget.se"));
    expect(rest).toEqual([]);
    expect(digest!.subject).toBe("Dagens nyheter om Lerums kommun");
    expect(digest!.text).toContain("2 nya artiklar");
    expect(digest!.text).toContain("Ny företagslots i Lerum");
    expect(digest!.text).not.toContain("Inte om Lerum");
    // Not due again within the day; the next one has only what came after.
    await createStory(c(), { title: "Lerum bygger nytt verksamhetsområde", organisationIds: [lerum.id], publishedAt: at(50) });
    await enqueueDigests(c(), "DAILY", ctx(at(51)));
    expect((await deliver()).filter((m) => m.to.includes("daglig@foretaget.se"))).toEqual([]);
    await enqueueDigests(c(), "DAILY", ctx(at(70)));
    const [next] = (await deliver()).filter((m) => m.to.includes("daglig@foretaget.se"));
    expect(next!.text).toContain("Lerum bygger nytt verksamhetsområde");
    expect(next!.text).not.toContain("Frukostmöte");
  });

  it("gives each subscriber of one list the stories after their own watermark, in the same run", async () => {
    await subscribed("tidig@foretaget.se", "ORGANISATION", lerum.id, "DAILY", at(200));
    await createStory(c(), { title: "Lerum öppnar en ny företagsby", organisationIds: [lerum.id], publishedAt: at(201) });
    await subscribed("sen@foretaget.se", "ORGANISATION", lerum.id, "DAILY", at(202));
    await createStory(c(), { title: "Lerum samlar handlarna", organisationIds: [lerum.id], publishedAt: at(203) });
    await enqueueDigests(c(), "DAILY", ctx(at(230)));
    const mails = await deliver();
    const [early] = mails.filter((m) => m.to.includes("tidig@foretaget.se"));
    const [late] = mails.filter((m) => m.to.includes("sen@foretaget.se"));
    expect(early!.text).toContain("2 nya artiklar");
    expect(early!.text).toContain("Lerum öppnar en ny företagsby");
    expect(late!.text).toContain("En ny artikel");
    expect(late!.text).toContain("Lerum samlar handlarna");
    expect(late!.text).not.toContain("Lerum öppnar en ny företagsby");
  });

  it("unsubscribes by the token in the mail, one list or all, and nothing else", async () => {
    await subscribed("sluta@foretaget.se", "ORGANISATION", lerum.id, "DAILY", at(80));
    await subscribed("sluta@foretaget.se", "TOPIC", export_.id, "DAILY", at(80));
    const subscriber = await c().alertSubscriber.findUniqueOrThrow({ where: { email: "sluta@foretaget.se" }, include: { subscriptions: true } });
    const token = manageTokenFor(subscriber.id, SECRET);
    expect(await unsubscribe(c(), "fel".padEnd(43, "x"), subscriber.subscriptions[0]!.id)).toBe(false);
    expect(await unsubscribe(c(), token, "inte-ett-id")).toBe(false);
    expect(await unsubscribe(c(), token, subscriber.subscriptions[0]!.id)).toBe(true);
    expect(await c().alertSubscription.count({ where: { subscriberId: subscriber.id } })).toBe(1);
    expect(await unsubscribe(c(), token)).toBe(true);
    expect(await c().alertSubscription.count({ where: { subscriberId: subscriber.id } })).toBe(0);
  });
});

describe("a data request about one address", () => {
  it("finds the address's lists and mails without tokens, and erases them all", async () => {
    await subscribed("fraga@foretaget.se", "ORGANISATION", lerum.id, "WEEKLY", at(100));
    await subscribe(c(), subscribeSchema.parse({ email: "fraga@foretaget.se", scope: "TOPIC", targetId: export_.id, frequency: "DAILY" }), ctx(at(101)));
    await subscribed("annan@foretaget.se", "ORGANISATION", lerum.id, "WEEKLY", at(100));

    const found = await alertsSource.find(c(), " Fraga@Foretaget.se ");
    expect(found.count).toBe(2);
    const json = JSON.stringify(found.records);
    expect(json).toContain("fraga@foretaget.se");
    expect(json).toContain("Bekräfta din bevakning av Lerums kommun");
    expect(json).not.toMatch(/[A-Za-z0-9_-]{43}/);
    expect(json).not.toMatch(/[0-9a-f]{64}/);

    const erased = await c().$transaction((tx) => alertsSource.erase(tx, "fraga@foretaget.se"));
    expect(erased).toEqual({ count: 2, tags: [] });
    expect(await alertsSource.find(c(), "fraga@foretaget.se")).toEqual({ count: 0, records: [] });
    expect(await c().alertOutbox.count({ where: { toAddress: "fraga@foretaget.se" } })).toBe(0);
    expect((await alertsSource.find(c(), "annan@foretaget.se")).count).toBe(1);
  });
});

describe("the administrators' list view", () => {
  it("counts confirmed and waiting subscribers per list and names them", async () => {
    const lists = await alertLists(c());
    const lerumList = lists.find((l) => l.scope === "ORGANISATION" && l.targetId === lerum.id)!;
    expect(lerumList.name).toBe("Lerums kommun");
    expect(lerumList.confirmed).toBe(await c().alertSubscription.count({ where: { scope: "ORGANISATION", targetId: lerum.id, confirmedAt: { not: null } } }));
    expect(lerumList.addresses).toContain("anna@foretaget.se");
    const site = lists.find((l) => l.scope === "SITE")!;
    expect(site).toMatchObject({ name: "allt på Näringslivsnytt", confirmed: 0, pending: 1, addresses: [] });
  });
});
