import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError } from "@/lib/auth/permissions";
import { MIN_FILL_MS } from "@/lib/comments/rules";
import { db } from "@/lib/db/client";
import { CLOSED, commentCommands, DUPLICATE, FORM_STALE, formToken, hashClientAddress, notifyModerators, purgeOldComments, SPAM_REFUSED, submitComment, TOO_MANY } from "@/lib/db/comments";
import { commentStories, moderatesComments, moderationQueue, publishedComments, storyComments } from "@/lib/db/comment-reads";
import { NOT_FOUND } from "@/lib/db/entities/shared";
import { ANONYMOUS } from "@/lib/db/personal-data/comments";
import { findPersonalData, personalDataCommands } from "@/lib/db/personal-data/requests";
import { createLerumAndAle, createStory } from "../factories";
import { startSmtpServer } from "../setup/smtp-server";

// Readers' comments (decision 019) against real PostgreSQL: the public submit and its spam
// checks, moderation authorised per comment, what each change invalidates, the moderators'
// mail through a real SMTP server, retention, and a reader's data request.

const c = db;
const SECRET = "test-secret-for-comment-tokens-0123456789";
const DAY = 24 * 60 * 60 * 1000;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: Awaited<ReturnType<typeof createLerumAndAle>>;
let ipCounter = 0;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createLerumAndAle(c());
});

afterAll(() => smtp.close());

/** A published story of Lerum, open for comments unless told otherwise. */
const lerumStory = (over: { publishedAt?: Date; commentsClosed?: boolean; status?: "PUBLISHED" | "DRAFT" } = {}) =>
  createStory(c(), { organisationIds: [t.lerum.id], publishedAt: over.publishedAt ?? new Date(Date.now() - DAY), status: over.status ?? "PUBLISHED" }).then(async (s) => {
    if (over.commentsClosed) await c().story.update({ where: { id: s.id }, data: { commentsClosed: true } });
    return s;
  });

/** What a person sends: the form was shown a minute ago. */
const form = (storyId: string, over: Record<string, unknown> = {}) => ({
  storyId,
  name: "Anna Andersson",
  email: `Anna.${Math.random().toString(36).slice(2)}@Example.se`,
  body: `Bra att hamnen byggs ut! ${Math.random()}`,
  consent: "ja",
  website: "",
  formToken: formToken(new Date(Date.now() - 60_000), SECRET),
  ...over,
});

const submit = (input: unknown, over: { ip?: string; now?: Date; closeAfterDays?: number } = {}) =>
  submitComment(c(), input, { ip: over.ip ?? `192.0.2.${++ipCounter % 250}`, secret: SECRET, closeAfterDays: over.closeAfterDays ?? 30, now: over.now });

async function pendingComment(storyId: string): Promise<string> {
  const r = await submit(form(storyId));
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value.id;
}

describe("the public submit", () => {
  it("stores a comment as pending, with the address lower-cased and the client address only as a keyed hash, and invalidates nothing", async () => {
    const story = await lerumStory();
    const input = form(story.id, { email: "  Anna.Andersson@Example.SE " });
    const r = await submit(input, { ip: "198.51.100.7" });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.tags).toEqual([]);
    expect(r.message).toMatch(/väntar på granskning/);
    const row = await c().comment.findUniqueOrThrow({ where: { id: r.value.id } });
    expect(row).toMatchObject({ status: "PENDING", authorEmail: "anna.andersson@example.se", authorName: "Anna Andersson" });
    expect(row.ipHash).toBe(hashClientAddress("198.51.100.7", SECRET));
    expect(row.ipHash).not.toContain("198.51.100.7");
    expect(await publishedComments(c(), story.id)).toEqual([]);
  });

  it("answers each bad field in Swedish and stores nothing", async () => {
    const story = await lerumStory();
    const before = await c().comment.count();
    const r = await submit(form(story.id, { name: " ", email: "inte-en-adress", body: "Se https://a.se, https://b.se och www.c.se", consent: undefined }));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.fieldErrors).toEqual({
      name: "Skriv ditt namn.",
      email: "Skriv en giltig e-postadress, till exempel namn@exempel.se.",
      body: "Kommentaren får innehålla högst 2 webbadresser.",
      consent: "Bekräfta att du har läst hur vi hanterar dina uppgifter.",
    });
    expect(await c().comment.count()).toBe(before);
  });

  it("refuses a bot-like submission: a filled honeypot, a form sent too fast, a forged or missing token", async () => {
    const story = await lerumStory();
    const before = await c().comment.count();
    expect(await submit(form(story.id, { website: "https://spam.example" }))).toEqual({ ok: false, error: SPAM_REFUSED, fieldErrors: undefined });
    expect(await submit(form(story.id, { formToken: formToken(new Date(Date.now() - MIN_FILL_MS + 1000), SECRET) }))).toMatchObject({ ok: false, error: SPAM_REFUSED });
    const [t] = formToken(new Date(Date.now() - 60_000), SECRET).split(".");
    expect(await submit(form(story.id, { formToken: `${t}.forged` }))).toMatchObject({ ok: false, error: FORM_STALE });
    expect(await submit(form(story.id, { formToken: formToken(new Date(Date.now() - 60_000), "another-secret") }))).toMatchObject({ ok: false, error: FORM_STALE });
    expect(await submit(form(story.id, { formToken: undefined }))).toMatchObject({ ok: false, error: FORM_STALE });
    expect(await submit(form(story.id, { formToken: formToken(new Date(Date.now() - 2 * DAY), SECRET) }))).toMatchObject({ ok: false, error: FORM_STALE });
    expect(await c().comment.count()).toBe(before);
    // The same form, filled in by a person, goes through.
    expect((await submit(form(story.id))).ok).toBe(true);
  });

  it("limits comments per e-mail address and per client address within an hour, and refuses the same text twice", async () => {
    const story = await lerumStory();
    const email = "flitig@example.se";
    for (let i = 0; i < 5; i++) expect((await submit(form(story.id, { email, body: `Kommentar nummer ${i}` }), { ip: `203.0.113.${i}` })).ok).toBe(true);
    expect(await submit(form(story.id, { email, body: "Den sjätte" }), { ip: "203.0.113.99" })).toMatchObject({ ok: false, error: TOO_MANY });
    // An hour later the address may comment again.
    expect((await submit(form(story.id, { email, body: "Den sjätte" }), { ip: "203.0.113.99", now: new Date(Date.now() + 61 * 60_000) })).ok).toBe(true);

    const ip = "203.0.113.200";
    for (let i = 0; i < 10; i++) expect((await submit(form(story.id, { body: `Från samma dator ${i}` }), { ip })).ok).toBe(true);
    expect(await submit(form(story.id, { body: "Den elfte" }), { ip })).toMatchObject({ ok: false, error: TOO_MANY });

    const body = "Vad kostar utbyggnaden?";
    expect((await submit(form(story.id, { email: "fraga@example.se", body }))).ok).toBe(true);
    expect(await submit(form(story.id, { email: "fraga@example.se", body: "  vad KOSTAR   utbyggnaden? " }))).toMatchObject({ ok: false, error: DUPLICATE });
  });

  it("refuses comments on a story closed by hand, closed by age, or not published; 0 days never closes", async () => {
    expect(await submit(form((await lerumStory({ commentsClosed: true })).id))).toMatchObject({ ok: false, error: CLOSED });
    const old = await lerumStory({ publishedAt: new Date(Date.now() - 31 * DAY) });
    expect(await submit(form(old.id))).toMatchObject({ ok: false, error: CLOSED });
    expect((await submit(form(old.id), { closeAfterDays: 0 })).ok).toBe(true);
    expect((await submit(form(old.id), { closeAfterDays: 60 })).ok).toBe(true);
    expect(await submit(form((await lerumStory({ status: "DRAFT" })).id))).toMatchObject({ ok: false, error: NOT_FOUND });
  });
});

describe("moderation", () => {
  it("lets an editor of the story's organisation approve, which invalidates exactly the story's page; one of another organisation cannot", async () => {
    const story = await lerumStory();
    const id = await pendingComment(story.id);
    await expect(commentCommands.approveComment(c(), t.aleEditor, { id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(commentCommands.approveComment(c(), t.writer, { id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await c().comment.findUniqueOrThrow({ where: { id } })).status).toBe("PENDING");

    const r = await commentCommands.approveComment(c(), t.lerumEditor, { id }, { ip: "10.0.0.1" });
    expect(r).toMatchObject({ ok: true, tags: [`story:${story.slug}`] });
    const row = await c().comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "PUBLISHED", moderatedById: t.lerumEditor.id });
    const shown = await publishedComments(c(), story.id);
    expect(shown.map((s) => s.id)).toEqual([id]);
    expect(JSON.stringify(shown)).not.toContain(row.authorEmail);
    const log = await c().auditLog.findFirstOrThrow({ where: { action: "comment.approve", entityId: id } });
    expect(log).toMatchObject({ actorId: t.lerumEditor.id, ip: "10.0.0.1" });
  });

  it("invalidates nothing when rejecting or marking a pending comment, and the story's page when taking down a published one", async () => {
    const story = await lerumStory();
    const pending = await pendingComment(story.id);
    expect(await commentCommands.rejectComment(c(), t.lerumEditor, { id: pending })).toMatchObject({ ok: true, tags: [] });
    const spam = await pendingComment(story.id);
    expect(await commentCommands.markSpam(c(), t.admin, { id: spam })).toMatchObject({ ok: true, tags: [] });
    expect((await c().comment.findUniqueOrThrow({ where: { id: spam } })).status).toBe("SPAM");
    const shown = await pendingComment(story.id);
    await commentCommands.approveComment(c(), t.lerumEditor, { id: shown });
    expect(await commentCommands.rejectComment(c(), t.lerumEditor, { id: shown })).toMatchObject({ ok: true, tags: [`story:${story.slug}`] });
    expect(await publishedComments(c(), story.id)).toEqual([]);
    const deleted = await pendingComment(story.id);
    await commentCommands.approveComment(c(), t.lerumEditor, { id: deleted });
    expect(await commentCommands.deleteComment(c(), t.lerumEditor, { id: deleted })).toMatchObject({ ok: true, tags: [`story:${story.slug}`] });
    expect(await c().comment.findUnique({ where: { id: deleted } })).toBeNull();
  });

  it("replies as one of the story's organisations that the editor edits for, shown as the organisation", async () => {
    const shared = await createStory(c(), { organisationIds: [t.lerum.id, t.ale.id], publishedAt: new Date(Date.now() - DAY) });
    const id = await pendingComment(shared.id);
    await commentCommands.approveComment(c(), t.aleEditor, { id });
    expect(await commentCommands.replyToComment(c(), t.aleEditor, { id, organisationId: t.lerum.id, reply: "Vi svarar för Lerum" })).toMatchObject({ ok: false, fieldErrors: { organisationId: expect.stringMatching(/organisationer/) } });
    expect(await commentCommands.replyToComment(c(), t.aleEditor, { id, organisationId: t.ale.id, reply: "Tack, vi återkommer." })).toMatchObject({ ok: true, tags: [`story:${shared.slug}`] });
    const [shown] = await publishedComments(c(), shared.id);
    expect(shown!.reply).toMatchObject({ body: "Tack, vi återkommer.", organisation: "Ale kommun" });
    const story = await lerumStory();
    const other = await pendingComment(story.id);
    await expect(commentCommands.replyToComment(c(), t.aleEditor, { id: other, organisationId: t.ale.id, reply: "Hej" })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("closes and opens commenting on a story, audited, invalidating its page", async () => {
    const story = await lerumStory();
    await expect(commentCommands.setCommentsClosed(c(), t.aleEditor, { storyId: story.id, closed: true })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await commentCommands.setCommentsClosed(c(), t.lerumEditor, { storyId: story.id, closed: "true" })).toMatchObject({ ok: true, tags: [`story:${story.slug}`] });
    expect(await submit(form(story.id))).toMatchObject({ ok: false, error: CLOSED });
    await commentCommands.setCommentsClosed(c(), t.lerumEditor, { storyId: story.id, closed: false });
    expect((await submit(form(story.id))).ok).toBe(true);
    expect(await c().auditLog.count({ where: { action: "comment.close", entityId: story.id } })).toBe(2);
  });

  it("answers a missing or malformed comment as not found", async () => {
    expect(await commentCommands.approveComment(c(), t.admin, { id: "00000000-0000-4000-8000-000000000000" })).toMatchObject({ ok: false, error: NOT_FOUND });
    expect(await commentCommands.approveComment(c(), t.admin, { id: "../etc" })).toMatchObject({ ok: false, error: NOT_FOUND });
  });

  it("queues the pending comments of the stories the actor may moderate, with the organisations they may reply as", async () => {
    const story = await lerumStory();
    const id = await pendingComment(story.id);
    const mine = await moderationQueue(c(), t.lerumEditor);
    expect(mine.find((q) => q.id === id)).toMatchObject({ story: { id: story.id }, replyAs: [{ id: t.lerum.id, name: "Lerums kommun" }] });
    expect((await moderationQueue(c(), t.aleEditor)).some((q) => q.id === id)).toBe(false);
    expect(await moderationQueue(c(), t.writer)).toEqual([]);
    expect((await moderationQueue(c(), t.admin)).some((q) => q.id === id)).toBe(true);
  });

  it("lists the stories whose commenting the actor may open or close, with their counts and whether commenting is open", async () => {
    const open = await lerumStory({ publishedAt: new Date(Date.now() - 2 * DAY) });
    const closed = await lerumStory({ commentsClosed: true });
    const old = await lerumStory({ publishedAt: new Date(Date.now() - 40 * DAY) });
    await pendingComment(open.id);
    const approved = await pendingComment(open.id);
    await commentCommands.approveComment(c(), t.lerumEditor, { id: approved });
    const list = await commentStories(c(), t.lerumEditor, { closeAfterDays: 30, take: 500 });
    expect(list.find((s) => s.id === open.id)).toMatchObject({ pending: 1, published: 1, open: true, closedByHand: false });
    expect(list.find((s) => s.id === closed.id)).toMatchObject({ pending: 0, published: 0, open: false, closedByHand: true });
    expect(list.find((s) => s.id === old.id)).toMatchObject({ open: false, closedByHand: false });
    expect((await commentStories(c(), t.aleEditor, { closeAfterDays: 30, take: 500 })).some((s) => [open.id, closed.id, old.id].includes(s.id))).toBe(false);
    expect(await commentStories(c(), t.writer, { closeAfterDays: 30 })).toEqual([]);
    expect([moderatesComments(t.lerumEditor), moderatesComments(t.admin), moderatesComments(t.writer)]).toEqual([true, true, false]);
    expect(await storyComments(c(), open.id)).toMatchObject({ closedByHand: false, comments: [{ id: approved }] });
    expect((await storyComments(c(), closed.id)).closedByHand).toBe(true);
  });

  it("mails the editors of the story's organisations that a comment waits, through a real SMTP server", async () => {
    const story = await lerumStory();
    const id = await pendingComment(story.id);
    const sent = await notifyModerators(c(), smtp.mailer, id, { siteUrl: "https://nln.test" });
    expect(sent).toBe(1);
    const mail = smtp.inbox.find((m) => m.to.includes("redaktor@lerum.se") && m.subject.includes(story.title));
    expect(mail?.subject).toBe(`Kommentar väntar på granskning: ${story.title}`);
    expect(mail?.text).toContain("https://nln.test/admin/kommentarer");
    expect(smtp.inbox.some((m) => m.to.includes("redaktor@ale.se"))).toBe(false);
  });
});

describe("retention", () => {
  it("deletes rejected and spam comments 30 days after moderation, keeping published, pending and younger ones", async () => {
    const story = await lerumStory();
    const old = new Date(Date.now() - 31 * DAY);
    const make = (status: "PENDING" | "PUBLISHED" | "REJECTED" | "SPAM", moderatedAt: Date | null, createdAt = old) =>
      c().comment.create({ data: { storyId: story.id, authorName: "A", authorEmail: "a@example.se", body: status, status, ipHash: "h", moderatedAt, createdAt } }).then((r) => r.id);
    const oldRejected = await make("REJECTED", old);
    const oldSpam = await make("SPAM", old);
    const recentRejected = await make("REJECTED", new Date(Date.now() - 5 * DAY));
    const oldPublished = await make("PUBLISHED", old);
    const oldPending = await make("PENDING", null);
    expect(await purgeOldComments(c())).toBe(2);
    const left = (await c().comment.findMany({ where: { storyId: story.id }, select: { id: true } })).map((r) => r.id);
    expect(left.sort()).toEqual([recentRejected, oldPublished, oldPending].sort());
    expect(left).not.toContain(oldRejected);
    expect(left).not.toContain(oldSpam);
    expect(await purgeOldComments(c())).toBe(0);
  });
});

describe("a reader's data request", () => {
  it("finds, exports and erases one address's comments: published ones anonymised on their story, the rest deleted, audited", async () => {
    const story = await lerumStory();
    const email = "begaran@example.se";
    const published = await submit(form(story.id, { email, body: "Publicerad text" }));
    const pending = await submit(form(story.id, { email: "BEGARAN@example.se", body: "Väntande text" }));
    const someoneElse = await pendingComment(story.id);
    if (!published.ok || !pending.ok) throw new Error("submit failed");
    await commentCommands.approveComment(c(), t.lerumEditor, { id: published.value.id });

    await expect(findPersonalData(c(), t.lerumEditor, email)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await findPersonalData(c(), t.admin, email)).toEqual([
      { key: "comments", label: "Kommentarer", count: 2 },
      { key: "alerts", label: "E-postbevakningar", count: 0 },
    ]);

    const exported = await personalDataCommands.exportPersonalData(c(), t.admin, { email: " Begaran@Example.se " });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    const records = exported.value.sources.comments as { text: string; status: string; email: string; story: { slug: string } }[];
    expect(records.map((r) => [r.text, r.status]).sort()).toEqual([["Publicerad text", "PUBLISHED"], ["Väntande text", "PENDING"]]);
    expect(records.every((r) => r.email === email && r.story.slug === story.slug)).toBe(true);
    expect(JSON.parse(JSON.stringify(exported.value))).toEqual(exported.value);

    expect(await personalDataCommands.erasePersonalData(c(), t.admin, { email })).toMatchObject({ ok: false });
    const erased = await personalDataCommands.erasePersonalData(c(), t.admin, { email, confirm: "ja" });
    expect(erased).toMatchObject({ ok: true, value: { count: 2 }, tags: [`story:${story.slug}`] });
    expect(await c().comment.findUnique({ where: { id: pending.value.id } })).toBeNull();
    expect(await c().comment.findUniqueOrThrow({ where: { id: published.value.id } })).toMatchObject({ authorName: ANONYMOUS, authorEmail: "", body: "Publicerad text", status: "PUBLISHED" });
    expect(await c().comment.findUnique({ where: { id: someoneElse } })).not.toBeNull();
    expect(await findPersonalData(c(), t.admin, email)).toEqual([
      { key: "comments", label: "Kommentarer", count: 0 },
      { key: "alerts", label: "E-postbevakningar", count: 0 },
    ]);
    expect(await c().auditLog.count({ where: { action: { in: ["personaldata.export", "personaldata.erase"] }, entityId: email } })).toBe(2);
  });
});
