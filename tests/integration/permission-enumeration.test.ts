import { createHash } from "node:crypto";
import { createReadStream, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { accountCommands } from "@/lib/db/accounts";
import { readerAlertCommands } from "@/lib/db/alert-readers";
import { manageTokenFor } from "@/lib/db/alerts";
import { db } from "@/lib/db/client";
import { saveStory, storyCommands } from "@/lib/db/editorial";
import { networkCommands } from "@/lib/db/entities/networks";
import { organisationCommands } from "@/lib/db/entities/organisations";
import { personCommands } from "@/lib/db/entities/people";
import { seriesCommands } from "@/lib/db/entities/series";
import { settingsCommands } from "@/lib/db/entities/settings";
import { topicCommands } from "@/lib/db/entities/topics";
import { commentCommands } from "@/lib/db/comments";
import { mediaLibraryCommands } from "@/lib/db/media-library";
import { personalDataCommands } from "@/lib/db/personal-data/requests";
import { reviewCommands } from "@/lib/db/review-dates";
import { userCommands } from "@/lib/db/users";
import { siteExportCommands } from "@/lib/db/site-export";
import { wordpressCommands } from "@/lib/db/wordpress-import";
import { importJobCommands } from "@/lib/db/import-jobs";
import { createActor, createOrganisation, createPerson, createTopic, paragraphDoc, storyFieldsInput } from "../factories";

// Every newsroom command, and every server action, refuses the roles that may not use it.
// The registries are enumerated: a command added without a case here fails this test.

type Fixture = {
  lerum: string;
  stenungsund: string;
  draft: { id: string; version: number; revisionId: string };
  published: string;
  trashed: string;
  person: string;
  network: string;
  topic: string;
  series: string;
  media: string;
  user: string;
  comment: string;
};

type Verdict = "forbidden" | "refused" | "allowed";
type Case = { run: (actor: Actor, f: Fixture) => Promise<unknown>; writer: Verdict; otherEditor: Verdict };

const storyFields = (f: Pick<Fixture, "stenungsund">) => storyFieldsInput({ title: "Hamnen i Stenungsund", organisationIds: [f.stenungsund] });

const c = db;
const CASES: Record<string, Case> = {
  // Stories: the fixture's stories concern only Stenungsund; the "other editor" edits for Lerum.
  "story.saveStory": { run: (a, f) => storyCommands.saveStory(c(), a, { id: f.draft.id, version: f.draft.version, fields: storyFields(f) }), writer: "forbidden", otherEditor: "forbidden" },
  "story.restoreRevision": { run: (a, f) => storyCommands.restoreRevision(c(), a, { storyId: f.draft.id, revisionId: f.draft.revisionId, version: f.draft.version }), writer: "forbidden", otherEditor: "forbidden" },
  "story.submitForReview": { run: (a, f) => storyCommands.submitForReview(c(), a, { id: f.draft.id }), writer: "forbidden", otherEditor: "forbidden" },
  "story.returnToDraft": { run: (a, f) => storyCommands.returnToDraft(c(), a, { id: f.draft.id }), writer: "forbidden", otherEditor: "forbidden" },
  "story.publishStory": { run: (a, f) => storyCommands.publishStory(c(), a, { id: f.draft.id }), writer: "forbidden", otherEditor: "forbidden" },
  "story.unpublishStory": { run: (a, f) => storyCommands.unpublishStory(c(), a, { id: f.published }), writer: "forbidden", otherEditor: "forbidden" },
  "story.archiveStory": { run: (a, f) => storyCommands.archiveStory(c(), a, { id: f.published }), writer: "forbidden", otherEditor: "forbidden" },
  "story.trashStory": { run: (a, f) => storyCommands.trashStory(c(), a, { id: f.published }), writer: "forbidden", otherEditor: "forbidden" },
  "story.restoreFromTrash": { run: (a, f) => storyCommands.restoreFromTrash(c(), a, { id: f.trashed }), writer: "forbidden", otherEditor: "forbidden" },
  // Images: everyone may upload; changing or deleting someone else's image needs an editor.
  "media.uploadMedia": { run: async () => "everyone may upload", writer: "allowed", otherEditor: "allowed" },
  "media.updateMedia": { run: (a, f) => mediaLibraryCommands.updateMedia(c(), a, { id: f.media, alt: "Ny alt-text", caption: "", credit: "" }), writer: "forbidden", otherEditor: "allowed" },
  "media.deleteMedia": { run: (a, f) => mediaLibraryCommands.deleteMedia(c(), a, { id: f.media }), writer: "forbidden", otherEditor: "allowed" },
  // People and networks of another organisation; shared topics and series.
  "person.createPerson": { run: (a, f) => personCommands.createPerson(c(), a, { name: "Ny person", organisationId: f.stenungsund, slug: "" }), writer: "forbidden", otherEditor: "refused" },
  "person.updatePerson": { run: (a, f) => personCommands.updatePerson(c(), a, { id: f.person, name: "Nytt namn", organisationId: f.stenungsund, slug: "" }), writer: "forbidden", otherEditor: "forbidden" },
  "person.deletePerson": { run: (a, f) => personCommands.deletePerson(c(), a, { id: f.person, confirm: "ja" }), writer: "forbidden", otherEditor: "forbidden" },
  "network.createNetwork": { run: (a, f) => networkCommands.createNetwork(c(), a, { name: "Nätverk", kind: "NETWORK", summary: "Om nätverket.", body: "", ownerId: f.stenungsund, slug: "" }), writer: "forbidden", otherEditor: "refused" },
  "network.updateNetwork": { run: (a, f) => networkCommands.updateNetwork(c(), a, { id: f.network, name: "Nätverk", kind: "NETWORK", summary: "Om nätverket.", body: "", ownerId: f.lerum, slug: "" }), writer: "forbidden", otherEditor: "forbidden" },
  "network.deleteNetwork": { run: (a, f) => networkCommands.deleteNetwork(c(), a, { id: f.network, confirm: "ja" }), writer: "forbidden", otherEditor: "forbidden" },
  "topic.createTopic": { run: (a) => topicCommands.createTopic(c(), a, { name: `Ämne ${a.id}`, slug: "" }), writer: "forbidden", otherEditor: "allowed" },
  "topic.updateTopic": { run: (a, f) => topicCommands.updateTopic(c(), a, { id: f.topic, name: "Ändrat ämne", slug: "" }), writer: "forbidden", otherEditor: "allowed" },
  "topic.deleteTopic": { run: (a, f) => topicCommands.deleteTopic(c(), a, { id: f.topic, confirm: "ja" }), writer: "forbidden", otherEditor: "allowed" },
  "series.createSeries": { run: (a) => seriesCommands.createSeries(c(), a, { name: `Serie ${a.id}`, slug: "" }), writer: "forbidden", otherEditor: "allowed" },
  "series.updateSeries": { run: (a, f) => seriesCommands.updateSeries(c(), a, { id: f.series, name: "Ändrad serie", slug: "" }), writer: "forbidden", otherEditor: "allowed" },
  "series.deleteSeries": { run: (a, f) => seriesCommands.deleteSeries(c(), a, { id: f.series, confirm: "ja" }), writer: "forbidden", otherEditor: "allowed" },
  // Review dates: the story's or network's own permission decides.
  "review.setReviewDate": { run: (a, f) => reviewCommands.setReviewDate(c(), a, { kind: "network", id: f.network, reviewBy: "2030-01-01" }), writer: "forbidden", otherEditor: "forbidden" },
  "review.markReviewed": { run: (a, f) => reviewCommands.markReviewed(c(), a, { kind: "story", id: f.published }), writer: "forbidden", otherEditor: "forbidden" },
  // Comments: the editors of one of the story's organisations.
  "comment.approveComment": { run: (a, f) => commentCommands.approveComment(c(), a, { id: f.comment }), writer: "forbidden", otherEditor: "forbidden" },
  "comment.rejectComment": { run: (a, f) => commentCommands.rejectComment(c(), a, { id: f.comment }), writer: "forbidden", otherEditor: "forbidden" },
  "comment.markSpam": { run: (a, f) => commentCommands.markSpam(c(), a, { id: f.comment }), writer: "forbidden", otherEditor: "forbidden" },
  "comment.replyToComment": { run: (a, f) => commentCommands.replyToComment(c(), a, { id: f.comment, organisationId: f.lerum, reply: "Tack!" }), writer: "forbidden", otherEditor: "forbidden" },
  "comment.deleteComment": { run: (a, f) => commentCommands.deleteComment(c(), a, { id: f.comment }), writer: "forbidden", otherEditor: "forbidden" },
  "comment.setCommentsClosed": { run: (a, f) => commentCommands.setCommentsClosed(c(), a, { storyId: f.published, closed: true }), writer: "forbidden", otherEditor: "forbidden" },
  // Administrators only.
  "personaldata.exportPersonalData": { run: (a) => personalDataCommands.exportPersonalData(c(), a, { email: "lasare@example.se" }), writer: "forbidden", otherEditor: "forbidden" },
  "personaldata.erasePersonalData": { run: (a) => personalDataCommands.erasePersonalData(c(), a, { email: "lasare@example.se", confirm: "ja" }), writer: "forbidden", otherEditor: "forbidden" },
  "organisation.createOrganisation": { run: (a) => organisationCommands.createOrganisation(c(), a, { name: "Ny kommun", kind: "MUNICIPALITY", slug: "" }), writer: "forbidden", otherEditor: "forbidden" },
  "organisation.updateOrganisation": { run: (a, f) => organisationCommands.updateOrganisation(c(), a, { id: f.stenungsund, name: "Stenungsunds kommun", kind: "MUNICIPALITY", slug: "stenungsund" }), writer: "forbidden", otherEditor: "forbidden" },
  "organisation.deleteOrganisation": { run: (a, f) => organisationCommands.deleteOrganisation(c(), a, { id: f.stenungsund, confirm: "ja" }), writer: "forbidden", otherEditor: "forbidden" },
  "settings.updateSettings": { run: (a) => settingsCommands.updateSettings(c(), a, { siteName: "Annat namn", footerOrganisation: "Någon" }), writer: "forbidden", otherEditor: "forbidden" },
  "account.inviteUser": { run: (a) => accountCommands.inviteUser(c(), a, { email: `ny-${a.id}@test.local`, name: "Ny", role: "ADMIN", organisationIds: [] }), writer: "forbidden", otherEditor: "forbidden" },
  "account.resendInvite": { run: (a, f) => accountCommands.resendInvite(c(), a, { userId: f.user }), writer: "forbidden", otherEditor: "forbidden" },
  "account.sendPasswordReset": { run: (a, f) => accountCommands.sendPasswordReset(c(), a, { userId: f.user }), writer: "forbidden", otherEditor: "forbidden" },
  "user.updateUserAccess": { run: (a, f) => userCommands.updateUserAccess(c(), a, { userId: f.user, role: "ADMIN", organisationIds: [] }), writer: "forbidden", otherEditor: "forbidden" },
  "user.deleteUser": { run: (a, f) => userCommands.deleteUser(c(), a, { userId: f.user }), writer: "forbidden", otherEditor: "forbidden" },
  "wordpress.importWordpress": { run: (a, f) => wordpressCommands.importWordpress(c(), a, { organisationId: f.lerum, dryRun: false }, createReadStream("tests/fixtures/wordpress/lerum.xml")), writer: "forbidden", otherEditor: "forbidden" },
  "importJob.startWordpressImport": { run: (a, f) => importJobCommands.startWordpressImport(c(), a, { organisationId: f.lerum, dryRun: true }, { wxrPath: "tests/fixtures/wordpress/lerum.xml", wxrName: "lerum.xml", mediaPath: null, cleanup: async () => undefined }), writer: "forbidden", otherEditor: "forbidden" },
  "siteExport.exportSite": { run: (a, f) => siteExportCommands.exportSite(c(), a, { organisationId: f.lerum, format: "json" }, { siteUrl: "https://naringslivsnytt.test" }), writer: "forbidden", otherEditor: "forbidden" },
};

const REGISTRIES: Record<string, Record<string, unknown>> = {
  story: storyCommands,
  media: mediaLibraryCommands,
  person: personCommands,
  network: networkCommands,
  topic: topicCommands,
  series: seriesCommands,
  organisation: organisationCommands,
  settings: settingsCommands,
  account: accountCommands,
  user: userCommands,
  review: reviewCommands,
  comment: commentCommands,
  personaldata: personalDataCommands,
  wordpress: wordpressCommands,
  siteExport: siteExportCommands,
  importJob: importJobCommands,
};

let writer: Actor;
let otherEditor: Actor;

async function fixture(): Promise<Fixture> {
  const lerum = (await c().organisation.findUnique({ where: { slug: "lerum" } })) ?? (await createOrganisation(c(), { slug: "lerum", name: "Lerums kommun" }));
  const stenungsund = (await c().organisation.findUnique({ where: { slug: "stenungsund" } })) ?? (await createOrganisation(c(), { slug: "stenungsund", name: "Stenungsunds kommun" }));
  const owner = await createActor(c(), { role: "EDITOR", organisationIds: [stenungsund.id] });
  const make = async () => {
    const r = await saveStory(c(), owner, { id: null, version: 0, fields: { ...storyFields({ stenungsund: stenungsund.id }), title: `Stenungsund ${Math.random()}` } });
    if (!r.ok) throw new Error(JSON.stringify(r));
    return r.value;
  };
  const draft = await make();
  const revision = await c().storyRevision.findFirstOrThrow({ where: { storyId: draft.id } });
  const published = await make();
  await storyCommands.publishStory(c(), owner, { id: published.id });
  const trashed = await make();
  await storyCommands.trashStory(c(), owner, { id: trashed.id });
  const person = await createPerson(c(), { organisationId: stenungsund.id });
  const network = await c().network.create({ data: { slug: `natverk-${Math.random().toString(36).slice(2)}`, name: "Stenungsunds nätverk", kind: "NETWORK", summary: "Om.", body: paragraphDoc("Om."), ownerId: stenungsund.id } });
  const topic = await createTopic(c());
  const series = await c().series.create({ data: { slug: `serie-${Math.random().toString(36).slice(2)}`, name: "Serie" } });
  const media = await c().media.create({ data: { storageKey: `${Math.random().toString(16).slice(2).padEnd(32, "0").slice(0, 32)}.webp`, mime: "image/webp", width: 10, height: 10, sizeBytes: 10, alt: "Bild", uploadedById: owner.id } });
  const user = await createActor(c(), { role: "WRITER" });
  const comment = await c().comment.create({ data: { storyId: published.id, authorName: "Läsare", authorEmail: "lasare@example.se", body: "En fråga om hamnen.", ipHash: "x" } });
  return { lerum: lerum.id, stenungsund: stenungsund.id, draft: { id: draft.id, version: draft.version, revisionId: revision.id }, published: published.id, trashed: trashed.id, person: person.id, network: network.id, topic: topic.id, series: series.id, media: media.id, user: user.id, comment: comment.id };
}

beforeAll(async () => {
  const lerum = await createOrganisation(c(), { slug: "lerum", name: "Lerums kommun" });
  writer = await createActor(c(), { role: "WRITER", organisationIds: [lerum.id] });
  otherEditor = await createActor(c(), { role: "EDITOR", organisationIds: [lerum.id] });
});

async function verdictOf(run: () => Promise<unknown>): Promise<Verdict> {
  try {
    const result = (await run()) as { ok?: boolean } | string;
    return typeof result === "object" && result && result.ok === false ? "refused" : "allowed";
  } catch (err) {
    if (err instanceof ForbiddenError) return "forbidden";
    throw err;
  }
}

describe("every newsroom command refuses the roles that may not use it", () => {
  it("has a case for every registered command", () => {
    const registered = Object.entries(REGISTRIES).flatMap(([name, registry]) => Object.keys(registry).map((command) => `${name}.${command}`));
    expect(registered.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [name, testCase] of Object.entries(CASES)) {
    it(`${name}: writer ${testCase.writer}, editor of another organisation ${testCase.otherEditor}`, async () => {
      // A fresh fixture per command, so no case depends on what another one did.
      const f = await fixture();
      const auditBefore = await c().auditLog.count();
      expect(await verdictOf(() => testCase.run(writer, f))).toBe(testCase.writer);
      expect(await verdictOf(() => testCase.run(otherEditor, f))).toBe(testCase.otherEditor);
      if (testCase.writer !== "allowed" && testCase.otherEditor !== "allowed") expect(await c().auditLog.count()).toBe(auditBefore);
    });
  }

  it("an editor of Lerum cannot publish a story that concerns only Stenungsund", async () => {
    const f = await fixture();
    await expect(storyCommands.publishStory(c(), otherEditor, { id: f.draft.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await c().story.findUniqueOrThrow({ where: { id: f.draft.id } })).status).toBe("DRAFT");
  });
});

// ─── Server actions ─────────────────────────────────────────────────────────────────────────

const GUARD_NAMES = ["runAction", "runSave", "requireActor", "requirePermission", "currentActor"];
// Actions with nothing to protect, and why.
const UNGUARDED: Record<string, string> = { signOutAction: "ends the caller's own session, whoever they are" };

/** The guards, plus the file's own one-line shorthands for them (`const me = () => requireActor(…)`). */
function guardsOf(source: string): RegExp {
  const aliases = [...source.matchAll(/^(?:const|function)\s+(\w+)\b[^\n]*\b(?:requireActor|requirePermission|currentActor)\(/gm)].map((m) => m[1]!);
  return new RegExp(`\\b(${[...GUARD_NAMES, ...aliases].join("|")})\\s*\\(`);
}

function serverActionFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return serverActionFiles(full);
    return /\.tsx?$/.test(name) && /^\s*["']use server["']/.test(readFileSync(full, "utf8")) ? [full] : [];
  });
}

/** Exported async functions and their bodies (good enough for our own, consistently formatted files). */
function exportedFunctions(source: string): { name: string; body: string }[] {
  const matches = [...source.matchAll(/^export async function (\w+)\s*\(/gm)];
  return matches.map((m, i) => ({ name: m[1]!, body: source.slice(m.index, matches[i + 1]?.index ?? source.length) }));
}

describe("every newsroom server action checks who is calling", () => {
  const files = serverActionFiles(path.resolve("app/(admin)"));

  it("finds the newsroom's action files", () => {
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  for (const file of files) {
    it(`${path.relative(process.cwd(), file)}: each exported action runs a guard`, () => {
      const source = readFileSync(file, "utf8");
      const guards = guardsOf(source);
      const fns = exportedFunctions(source);
      expect(fns.length).toBeGreaterThan(0);
      const guarded = new Set(fns.filter((f) => guards.test(f.body) || f.name in UNGUARDED).map((f) => f.name));
      // An action may also delegate to another guarded action of the same file.
      for (const f of fns) if ([...guarded].some((g) => new RegExp(`\\b${g}\\(`).test(f.body))) guarded.add(f.name);
      expect(fns.filter((f) => !guarded.has(f.name)).map((f) => f.name)).toEqual([]);
    });
  }
});

// ─── Readers' alert commands ────────────────────────────────────────────────────────────────
// A reader has no session: each command's authority is a token from a mail (lib/db/alert-readers.ts).
// Every command is enumerated here and must refuse a token that is not the record's, writing nothing.

const READER_SECRET = "ett-hemligt-test-varde-for-behorighetsprovet-123";
type ReaderFixture = { token: string; otherList: string };
const READER_CASES: Record<keyof typeof readerAlertCommands, (f: ReaderFixture) => Promise<unknown>> = {
  // No token: the list must exist.
  requestSubscription: () => readerAlertCommands.requestSubscription(c(), { email: "ny@foretaget.se", scope: "TOPIC", targetId: "00000000-0000-4000-8000-000000000000", frequency: "DAILY" }, { ip: "192.0.2.50", ctx: { siteUrl: "https://x.test", secret: READER_SECRET } }),
  confirm: () => readerAlertCommands.confirm(c(), "z".repeat(43), { ip: "192.0.2.50" }),
  changeFrequency: (f) => readerAlertCommands.changeFrequency(c(), f.token, { subscriptionId: f.otherList, frequency: "WEEKLY" }, { ip: "192.0.2.50" }),
  unsubscribe: (f) => readerAlertCommands.unsubscribe(c(), f.token, f.otherList, { ip: "192.0.2.50" }),
};

describe("every readers' alert command refuses what its token does not rule", () => {
  it("has a case for every command", () => {
    expect(Object.keys(readerAlertCommands).sort()).toEqual(Object.keys(READER_CASES).sort());
  });

  for (const [name, run] of Object.entries(READER_CASES)) {
    it(`${name}: refused, nothing written`, async () => {
      const lerum = (await c().organisation.findUnique({ where: { slug: "lerum" } }))!;
      const make = async (email: string) => {
        const subscriber = await c().alertSubscriber.create({ data: { email: `${email}-${Math.random().toString(36).slice(2)}@foretaget.se`, manageTokenHash: Math.random().toString(36) } });
        const token = manageTokenFor(subscriber.id, READER_SECRET);
        await c().alertSubscriber.update({ where: { id: subscriber.id }, data: { manageTokenHash: createHash("sha256").update(token).digest("hex") } });
        const list = await c().alertSubscription.create({ data: { subscriberId: subscriber.id, scope: "ORGANISATION", targetId: lerum.id, frequency: "DAILY", confirmedAt: new Date() } });
        return { token, list: list.id };
      };
      const mine = await make("min");
      const theirs = await make("deras");
      const auditBefore = await c().auditLog.count();
      const result = (await run({ token: mine.token, otherList: theirs.list })) as boolean | { ok: boolean };
      expect(result === false || (typeof result === "object" && result.ok === false)).toBe(true);
      expect(await c().auditLog.count()).toBe(auditBefore);
      expect(await c().alertSubscription.findUniqueOrThrow({ where: { id: theirs.list } })).toMatchObject({ frequency: "DAILY" });
    });
  }
});
