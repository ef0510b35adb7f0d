import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { overdueReviews, reviewCommands, sendReviewReminders } from "@/lib/db/review-dates";
import { createMailer } from "@/lib/mail/mailer";
import { addMonths, calendarDateOf, dateColumn, todayInStockholm } from "@/lib/review-dates";
import { createActor, createOrganisation, createStory, paragraphDoc } from "../factories";
import { freePort } from "../setup/free-port";
import { startSmtpServer, type Received } from "../setup/smtp-server";

// Review dates ("granskas senast", decision 024) against real PostgreSQL, with reminders sent
// to a real local SMTP server.

const c = db;
const today = todayInStockholm();
const monthAgo = addMonths(today, -1);
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let lerum: { id: string; name: string };
let ale: { id: string; name: string };
let admin: Actor;
let lerumEditor: Actor;
let aleEditor: Actor;
let writer: Actor;

beforeAll(async () => {
  smtp = await startSmtpServer();
  lerum = await createOrganisation(c(), { slug: "lerum", name: "Lerums kommun" });
  ale = await createOrganisation(c(), { slug: "ale", name: "Ale kommun" });
  admin = await createActor(c(), { role: "ADMIN", email: "admin@test.local" });
  lerumEditor = await createActor(c(), { role: "EDITOR", organisationIds: [lerum.id], email: "redaktor@lerum.se" });
  aleEditor = await createActor(c(), { role: "EDITOR", organisationIds: [ale.id], email: "redaktor@ale.se" });
  writer = await createActor(c(), { role: "WRITER", organisationIds: [lerum.id] });
});

afterAll(() => smtp.close());

const reviewByOf = async (id: string) => (await c().story.findUniqueOrThrow({ where: { id }, select: { reviewBy: true } })).reviewBy;
const mailsTo = (inbox: Received[], to: string) => inbox.filter((m) => m.to.includes(to));

describe("setting and clearing a review date", () => {
  it("lets an editor of the story's organisation set, clear and mark it, audited", async () => {
    const story = await createStory(c(), { organisationIds: [lerum.id] });
    const set = await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "story", id: story.id, reviewBy: "2027-06-30" });
    expect(set).toMatchObject({ ok: true, value: { reviewBy: "2027-06-30" }, tags: [] });
    expect(calendarDateOf((await reviewByOf(story.id))!)).toBe("2027-06-30");
    expect(await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "story", id: story.id, reviewBy: "" })).toMatchObject({ ok: true, value: { reviewBy: null } });
    expect(await reviewByOf(story.id)).toBeNull();
    const marked = await reviewCommands.markReviewed(c(), lerumEditor, { kind: "story", id: story.id });
    expect(marked).toMatchObject({ ok: true, value: { reviewBy: addMonths(today, 12) } });
    const log = await c().auditLog.findMany({ where: { entityId: story.id }, orderBy: { createdAt: "asc" }, select: { action: true } });
    expect(log.map((l) => l.action)).toEqual(["review.set", "review.set", "review.done"]);
  });

  it("refuses a malformed date with a Swedish message and keeps the stored one", async () => {
    const story = await createStory(c(), { organisationIds: [lerum.id] });
    await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "story", id: story.id, reviewBy: "2027-06-30" });
    const result = await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "story", id: story.id, reviewBy: "2027-02-30" });
    expect(result).toMatchObject({ ok: false, fieldErrors: { reviewBy: expect.stringContaining("ÅÅÅÅ-MM-DD") } });
    expect(calendarDateOf((await reviewByOf(story.id))!)).toBe("2027-06-30");
  });

  it("gives a new network and page a date twelve months on, which cannot be cleared", async () => {
    const network = await c().network.create({ data: { slug: "natverk-granskning", name: "Granskningsnätverket", kind: "NETWORK", summary: "Om.", body: paragraphDoc("Om."), ownerId: lerum.id } });
    const [y, m, d] = addMonths(today, 12).split("-").map(Number) as [number, number, number];
    // The database's CURRENT_DATE is UTC: around midnight it may be a day off Stockholm's.
    expect(Math.abs(network.reviewBy.getTime() - Date.UTC(y, m - 1, d))).toBeLessThanOrEqual(24 * 3600_000);
    const cleared = await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "network", id: network.id, reviewBy: "" });
    expect(cleared).toMatchObject({ ok: false, fieldErrors: { reviewBy: expect.stringContaining("alltid") } });
  });

  it("authorises for the very record: another organisation's editor and a writer are refused, nothing is written", async () => {
    const story = await createStory(c(), { organisationIds: [lerum.id] });
    const network = await c().network.create({ data: { slug: "natverk-lerum", name: "Lerumsnätverket", kind: "NETWORK", summary: "Om.", body: paragraphDoc("Om."), ownerId: lerum.id } });
    const page = await c().page.create({ data: { slug: "om-granskning", title: "Om granskning", body: paragraphDoc("Text.") } });
    for (const actor of [aleEditor, writer]) {
      await expect(reviewCommands.markReviewed(c(), actor, { kind: "story", id: story.id })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(reviewCommands.setReviewDate(c(), actor, { kind: "network", id: network.id, reviewBy: "2030-01-01" })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(reviewCommands.markReviewed(c(), lerumEditor, { kind: "page", id: page.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await reviewCommands.markReviewed(c(), admin, { kind: "page", id: page.id })).toMatchObject({ ok: true });
    expect(await reviewByOf(story.id)).toBeNull();
    // A malformed or unknown id names no record.
    expect(await reviewCommands.markReviewed(c(), admin, { kind: "story", id: "inte-ett-id" })).toMatchObject({ ok: false, error: expect.stringContaining("finns inte") });
    expect(await reviewCommands.markReviewed(c(), admin, { kind: "bild", id: story.id })).toMatchObject({ ok: false });
  });
});

describe("the overdue list and the reminders", () => {
  let overdueStory: string;
  let aleStory: string;
  let network: string;
  let page: string;

  beforeAll(async () => {
    overdueStory = (await createStory(c(), { title: "Gammal nyhet om Lerum", organisationIds: [lerum.id] })).id;
    aleStory = (await createStory(c(), { title: "Gammal nyhet om Ale", organisationIds: [ale.id] })).id;
    const fresh = await createStory(c(), { title: "Färsk nyhet", organisationIds: [lerum.id] });
    const draft = await createStory(c(), { title: "Utkast", status: "DRAFT", publishedAt: null, organisationIds: [lerum.id] });
    for (const id of [overdueStory, aleStory, draft.id]) await c().story.update({ where: { id }, data: { reviewBy: dateColumn(monthAgo) } });
    await c().story.update({ where: { id: fresh.id }, data: { reviewBy: dateColumn(addMonths(today, 1)) } });
    network = (await c().network.create({ data: { slug: "natverk-forsenat", name: "Försenade nätverket", kind: "NETWORK", summary: "Om.", body: paragraphDoc("Om."), ownerId: lerum.id, reviewBy: dateColumn(today) } })).id;
    page = (await c().page.create({ data: { slug: "om-forsenad", title: "Om oss (försenad)", body: paragraphDoc("Text."), reviewBy: dateColumn(monthAgo) } })).id;
  });

  it("lists per organisation what the actor may mark, published stories only", async () => {
    const forLerum = await overdueReviews(c(), lerumEditor, today);
    expect(forLerum.map((g) => g.organisation?.name ?? "Webbplatsen")).toEqual(["Lerums kommun"]);
    expect(forLerum[0]!.items.map((i) => `${i.kind}:${i.title}`).sort()).toEqual(["network:Försenade nätverket", "story:Gammal nyhet om Lerum"]);
    const forAdmin = await overdueReviews(c(), admin, today);
    expect(forAdmin.map((g) => g.organisation?.name ?? "Webbplatsen")).toEqual(["Ale kommun", "Lerums kommun", "Webbplatsen"]);
    expect(forAdmin.at(-1)!.items.map((i) => i.id)).toContain(page);
    expect(await overdueReviews(c(), writer, today)).toEqual([]);
  });

  it("mails each date's reminder once, to the editors of the owning organisation or the administrators", async () => {
    const before = smtp.inbox.length;
    const first = await sendReviewReminders(c(), smtp.mailer, { siteUrl: "https://naringslivsnytt.test" });
    expect(first.records).toBeGreaterThanOrEqual(4);
    const lerumMails = mailsTo(smtp.inbox.slice(before), lerumEditor.email);
    expect(lerumMails).toHaveLength(1);
    expect(lerumMails[0]!.text).toContain("Gammal nyhet om Lerum");
    expect(lerumMails[0]!.text).toContain("Försenade nätverket");
    expect(lerumMails[0]!.text).toContain(`https://naringslivsnytt.test/admin/artiklar/${overdueStory}`);
    expect(lerumMails[0]!.text).not.toContain("Ale");
    expect(mailsTo(smtp.inbox.slice(before), aleEditor.email)[0]!.text).toContain("Gammal nyhet om Ale");
    expect(mailsTo(smtp.inbox.slice(before), admin.email)[0]!.text).toContain("Om oss (försenad)");
    // The draft is not on the site, so nothing about it goes out.
    expect(smtp.inbox.slice(before).some((m) => m.text.includes("Utkast"))).toBe(false);

    // The next run sends nothing new; a new overdue date is reminded again.
    const between = smtp.inbox.length;
    expect(await sendReviewReminders(c(), smtp.mailer, { siteUrl: "https://naringslivsnytt.test" })).toEqual({ mails: 0, records: 0 });
    expect(smtp.inbox.length).toBe(between);
    await reviewCommands.setReviewDate(c(), lerumEditor, { kind: "story", id: overdueStory, reviewBy: today });
    await sendReviewReminders(c(), smtp.mailer, { siteUrl: "https://naringslivsnytt.test" });
    expect(mailsTo(smtp.inbox.slice(between), lerumEditor.email).map((m) => m.subject)).toEqual(["Dags att granska: Gammal nyhet om Lerum"]);
  });

  it("marking as reviewed takes the record off the list", async () => {
    await reviewCommands.markReviewed(c(), admin, { kind: "network", id: network });
    const forLerum = await overdueReviews(c(), lerumEditor, today);
    expect(forLerum[0]!.items.map((i) => i.id)).toEqual([overdueStory]);
  });

  it("leaves a record whose mail failed to the next run", async () => {
    const story = await createStory(c(), { title: "Nyhet med trasig post", organisationIds: [ale.id] });
    await c().story.update({ where: { id: story.id }, data: { reviewBy: dateColumn(monthAgo) } });
    // A real SMTP client against a port nobody listens on.
    const broken = createMailer(`smtp://127.0.0.1:${await freePort()}`, "Näringslivsnytt <noreply@test.local>");
    expect(await sendReviewReminders(c(), broken, { siteUrl: "https://x.test" })).toMatchObject({ mails: 0, records: 0 });
    expect((await c().story.findUniqueOrThrow({ where: { id: story.id } })).reviewRemindedFor).toBeNull();
    await sendReviewReminders(c(), smtp.mailer, { siteUrl: "https://x.test" });
    expect(calendarDateOf((await c().story.findUniqueOrThrow({ where: { id: story.id } })).reviewRemindedFor!)).toBe(monthAgo);
  });
});
