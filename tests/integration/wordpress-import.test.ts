import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { importWordpress, runWordpressImport } from "@/lib/db/wordpress-import";
import { createActor, createOrganisation, createTopic } from "../factories";

// The WordPress import against real PostgreSQL, with the test export in tests/fixtures/wordpress.

const FIXTURE = "tests/fixtures/wordpress/lerum.xml";
const NOW = new Date("2026-12-01T10:00:00Z");
const file = () => createReadStream(FIXTURE);
const text = (xml: string) => Readable.from([xml]);

let admin: Actor;
let lerum: { id: string; slug: string };

beforeAll(async () => {
  lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  admin = await createActor(db(), { role: "ADMIN" });
  // A topic that already exists on the site: the import links to it rather than adding another.
  await createTopic(db(), { slug: "handel", name: "Handel" });
});

async function tableCounts() {
  const c = db();
  const [stories, pages, topics, sources, redirects, revisions, audits, comments] = await Promise.all([
    c.story.count(), c.page.count(), c.topic.count(), c.importSource.count(), c.pathRedirect.count(), c.storyRevision.count(), c.auditLog.count(), c.comment.count(),
  ]);
  return { stories, pages, topics, sources, redirects, revisions, audits, comments };
}

describe("WordPress import", () => {
  it("a dry run reports what would happen and writes nothing", async () => {
    const before = await tableCounts();
    const result = await importWordpress(db(), admin, { organisationId: lerum.id, dryRun: true }, file());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.stories).toEqual({ created: 4, updated: 0 });
    expect(result.value.lines[0]).toBe("Provkörning (inget sparades): Företagande i Lerum.");
    expect(result.tags).toEqual([]);
    expect(await tableCounts()).toEqual(before);
  });

  it("imports posts with their statuses, dates, bylines and topics, and a page, into the organisation", async () => {
    const result = await importWordpress(db(), admin, { organisationId: lerum.id, dryRun: false }, file(), { ip: "192.0.2.5" });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const r = result.value;
    expect(r.stories).toEqual({ created: 4, updated: 0 });
    expect(r.pages).toEqual({ created: 1, updated: 0 });
    // Näringsliv, Nyföretagande and Besöksnäring are new; Handel (a category-less tag) existed.
    expect(r.topics).toEqual({ created: 3, linked: 1, updated: 0 });
    expect(r.skipped).toEqual([
      { title: "Gammalt inlägg i papperskorgen", reason: "ligger i papperskorgen i WordPress" },
      { title: "Evenemangskalender", reason: "är en sida som inte motsvarar någon av webbplatsens sidor (Om, Kontakt, Om kakor, Tillgänglighet)" },
    ]);
    expect(r.attachments).toBe(1);
    // Pingbacks are not comments; spam and trash are left out; the reply to 101 stands alone.
    expect(r.comments).toEqual({ found: 5, published: 2, pending: 1, existing: 0, spam: 1, trash: 1, empty: 0, flattened: 1 });
    expect(r.lines).toContain("Kommentarer: 5 hittades; 2 publicerade, 1 till granskning; hoppade över 1 skräppost, 1 i papperskorgen.");
    expect(r.lines).toContain("1 svar på en annan kommentar blev en egen kommentar: webbplatsen visar inte kommentarer i trådar.");
    expect(r.bylines).toEqual(["Anna Lindqvist", "Erik Sjöberg"]);
    expect(r.droppedIn.map((d) => d.title)).toEqual(["Ny saluhall öppnar i Lerums centrum", "Företagsfrukost på Aspenäs – trasig kod från gamla sajten"]);
    expect(r.dropped.images).toBe(1);
    expect(r.dropped.embeds).toBeGreaterThanOrEqual(1);
    expect(result.tags).toEqual(expect.arrayContaining(["stories", "topics", "org:lerum", "story:ny-saluhall-oppnar", "topic:handel", "page:om"]));

    const stories = await db().story.findMany({
      orderBy: { createdAt: "asc" },
      select: { slug: true, title: true, lead: true, status: true, publishedAt: true, contentUpdatedAt: true, byline: true, body: true, organisations: { select: { organisationId: true } }, topics: { select: { topic: { select: { slug: true } } } } },
    });
    expect(stories.map((s) => [s.slug, s.status, s.publishedAt?.toISOString() ?? null])).toEqual([
      ["ny-saluhall-oppnar", "PUBLISHED", "2021-05-04T07:30:00.000Z"],
      ["sa-startar-du-eget-i-lerum", "DRAFT", null],
      ["foretagsfrukost-aspenas", "PUBLISHED", "2023-02-14T06:00:00.000Z"],
      ["massa-grona-foretag", "SCHEDULED", "2027-03-01T08:00:00.000Z"],
    ]);
    const [saluhall, draft, broken] = stories;
    expect(saluhall!.lead).toBe("En saluhall med tolv lokala handlare öppnar vid Lerums station i höst.");
    expect(saluhall!.contentUpdatedAt?.toISOString()).toBe("2021-05-06T12:00:00.000Z");
    expect(saluhall!.byline).toBe("Anna Lindqvist");
    expect(saluhall!.topics.map((t) => t.topic.slug).sort()).toEqual(["handel", "naringsliv"]);
    expect(stories.every((s) => s.organisations.length === 1 && s.organisations[0]!.organisationId === lerum.id)).toBe(true);
    // No excerpt: the first paragraph is the lead.
    expect(draft!.lead).toBe("Att starta företag är enklare än många tror. Nyföretagarcentrum ger råd utan kostnad.");
    expect(draft!.byline).toBe("Erik Sjöberg");
    // The broken post keeps its words and loses the script, the iframe and the javascript: link.
    const brokenJson = JSON.stringify(broken!.body);
    expect(brokenJson).toContain("Vi bjuder på kaffe och smörgås.");
    expect(brokenJson).toContain("senast fredag");
    expect(brokenJson).not.toMatch(/alert|javascript|iframe/);

    // WordPress's "om-oss" is our /om.
    const page = await db().page.findUniqueOrThrow({ where: { slug: "om" } });
    expect(page.title).toBe("Om näringslivsenheten");

    const redirects = await db().pathRedirect.findMany({ orderBy: { path: "asc" }, select: { path: true, storyId: true, pageId: true } });
    expect(redirects.map((x) => x.path)).toEqual(["/2021/05/ny-saluhall-oppnar", "/2023/02/foretagsfrukost-aspenas", "/?p=10", "/?p=11", "/?p=12", "/?p=13", "/?page_id=20", "/om-oss"]);
    expect(redirects.find((x) => x.path === "/om-oss")!.pageId).toBe(page.id);

    const log = await db().auditLog.findFirstOrThrow({ where: { action: "wordpress.import" } });
    expect(log).toMatchObject({ actorId: admin.id, entityType: "organisation", entityId: lerum.id, ip: "192.0.2.5" });
    expect(log.summary).toContain("4 nya och 0 uppdaterade artiklar");
    expect(await db().storyRevision.count({ where: { reason: "import" } })).toBe(4);
    expect(log.summary).toContain("3 kommentarer");

    const comments = await db().comment.findMany({ orderBy: { createdAt: "asc" }, select: { story: { select: { slug: true } }, importKey: true, authorName: true, authorEmail: true, body: true, status: true, createdAt: true, ipHash: true } });
    expect(comments.map((x) => [x.story.slug, x.importKey, x.status, x.createdAt.toISOString()])).toEqual([
      ["ny-saluhall-oppnar", "101", "PUBLISHED", "2021-05-05T06:15:00.000Z"],
      ["ny-saluhall-oppnar", "102", "PUBLISHED", "2021-05-05T08:00:00.000Z"],
      ["foretagsfrukost-aspenas", "120", "PENDING", "2023-02-14T11:00:00.000Z"],
    ]);
    // Plain text as our comments are: paragraphs kept, tags gone, entities decoded; the address lower-cased, no client hash.
    expect(comments[2]).toMatchObject({ authorName: "Johan Berg", authorEmail: "johan.berg@example.org", body: "Får man ta med en kollega?\n\nVi är två från Bergs Bygg & vill gärna komma.", ipHash: "" });
  });

  it("a re-run updates what it imported before and adds nothing", async () => {
    const before = await tableCounts();
    const changed = readFileSync(FIXTURE, "utf8")
      .replace("Ny saluhall öppnar i Lerums centrum", "Saluhallen i Lerum öppnar i oktober")
      .replace("<wp:status><![CDATA[draft]]></wp:status>", "<wp:status><![CDATA[pending]]></wp:status>");
    const result = await importWordpress(db(), admin, { organisationId: lerum.id, dryRun: false }, text(changed));
    expect(result.ok && result.value.stories).toEqual({ created: 0, updated: 4 });
    expect(result.ok && result.value.pages).toEqual({ created: 0, updated: 1 });
    expect(result.ok && result.value.topics).toEqual({ created: 0, linked: 0, updated: 0 });
    // A comment the newsroom has moderated since stays as the newsroom left it.
    await db().comment.updateMany({ where: { importKey: "120" }, data: { status: "REJECTED" } });
    expect(result.ok && result.value.comments).toMatchObject({ published: 0, pending: 0, existing: 3 });
    const after = await tableCounts();
    expect(after).toEqual({ ...before, revisions: before.revisions + 4, audits: before.audits + 1 });
    const saluhall = await db().story.findUniqueOrThrow({ where: { slug: "ny-saluhall-oppnar" } });
    expect(saluhall.title).toBe("Saluhallen i Lerum öppnar i oktober");
    expect(saluhall.version).toBe(2);
    expect((await db().story.findUniqueOrThrow({ where: { slug: "sa-startar-du-eget-i-lerum" } })).status).toBe("IN_REVIEW");
    await importWordpress(db(), admin, { organisationId: lerum.id, dryRun: false }, text(changed));
    expect((await db().comment.findFirstOrThrow({ where: { importKey: "120" } })).status).toBe("REJECTED");
  });

  it("a story whose address is taken by another story gets a free one", async () => {
    const other = await createOrganisation(db(), { slug: "alingsas", name: "Alingsås kommun" });
    const { report } = await runWordpressImport(db(), null, file(), { organisationId: other.id, dryRun: false, now: NOW });
    expect(report.stories.created).toBe(4);
    expect(await db().story.findUnique({ where: { slug: "ny-saluhall-oppnar-2" } })).not.toBeNull();
    // Its own page address is taken by the first import's page: skipped, reported.
    expect(report.skipped).toContainEqual({ title: "Om näringslivsenheten", reason: "sidan /om finns redan på webbplatsen" });
    const log = await db().auditLog.findFirstOrThrow({ where: { action: "wordpress.import", entityId: other.id } });
    expect(log.actorId).toBeNull();
  });

  it("commits per batch: a run that stops half-way keeps what it committed, and a re-run continues without duplicates", async () => {
    const kungalv = await createOrganisation(db(), { slug: "kungalv", name: "Kungälvs kommun" });
    const mine = async () => db().importSource.findMany({ where: { organisationId: kungalv.id, kind: "story" }, select: { targetId: true } });
    const stop = new Error("the server went away");
    await expect(
      runWordpressImport(db(), null, file(), {
        organisationId: kungalv.id, dryRun: false, now: NOW, batchSize: 2,
        onProgress: (done) => { if (done === 3) throw stop; },
      }),
    ).rejects.toMatchObject({ reason: stop, committed: 2, tags: expect.arrayContaining(["stories", "org:kungalv"]) });
    // The first batch (two posts) is committed; the second was rolled back.
    const half = await mine();
    expect(half).toHaveLength(2);
    const stopped = await db().auditLog.findFirstOrThrow({ where: { action: "wordpress.import", entityId: kungalv.id } });
    expect(stopped.summary).toMatch(/avbröts efter 2 av \d+ inlägg och sidor/);

    const { report } = await runWordpressImport(db(), null, file(), { organisationId: kungalv.id, dryRun: false, now: NOW, batchSize: 2 });
    expect(report.stories).toEqual({ created: 2, updated: 2 });
    // The first batch's post had its comments already; they are found, not added again.
    expect(report.comments).toMatchObject({ published: 0, pending: 1, existing: 2 });
    const all = await mine();
    expect(all).toHaveLength(4);
    expect(all.map((x) => x.targetId)).toEqual(expect.arrayContaining(half.map((x) => x.targetId)));
    const storyIds = all.map((x) => x.targetId);
    expect(await db().comment.count({ where: { storyId: { in: storyIds } } })).toBe(3);
    expect(await db().storyOrganisation.count({ where: { organisationId: kungalv.id } })).toBe(4);
  });

  it("answers a file that is not a WordPress export with a Swedish message, writing nothing", async () => {
    const before = await tableCounts();
    const result = await importWordpress(db(), admin, { organisationId: lerum.id, dryRun: false }, createReadStream("tests/fixtures/wordpress/not-well-formed.xml"));
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^Filen går inte att läsa som XML/) });
    expect(await tableCounts()).toEqual(before);
    const noOrg = await importWordpress(db(), admin, { organisationId: "00000000-0000-0000-0000-000000000000", dryRun: false }, file());
    expect(noOrg).toEqual({ ok: false, error: "Organisationen finns inte längre." });
    const bad = await importWordpress(db(), admin, { organisationId: "lerum" }, file());
    expect(bad).toMatchObject({ ok: false, fieldErrors: { organisationId: "Välj en organisation." } });
  });

  it("is for administrators only", async () => {
    const editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
    await expect(importWordpress(db(), editor, { organisationId: lerum.id, dryRun: true }, file())).rejects.toBeInstanceOf(ForbiddenError);
  });
});
