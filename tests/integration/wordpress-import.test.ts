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
  const [stories, pages, topics, sources, redirects, revisions, audits] = await Promise.all([
    c.story.count(), c.page.count(), c.topic.count(), c.importSource.count(), c.pathRedirect.count(), c.storyRevision.count(), c.auditLog.count(),
  ]);
  return { stories, pages, topics, sources, redirects, revisions, audits };
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
    expect(r.comments.found).toBe(3);
    expect(r.lines).toContain("3 kommentarer hittades; importeras när kommentarsfunktionen finns.");
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
    const after = await tableCounts();
    expect(after).toEqual({ ...before, revisions: before.revisions + 4, audits: before.audits + 1 });
    const saluhall = await db().story.findUniqueOrThrow({ where: { slug: "ny-saluhall-oppnar" } });
    expect(saluhall.title).toBe("Saluhallen i Lerum öppnar i oktober");
    expect(saluhall.version).toBe(2);
    expect((await db().story.findUniqueOrThrow({ where: { slug: "sa-startar-du-eget-i-lerum" } })).status).toBe("IN_REVIEW");
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
