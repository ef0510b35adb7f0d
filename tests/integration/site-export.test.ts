import { createReadStream, readFileSync } from "node:fs";
import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, inject } from "vitest";
import yauzl from "yauzl";
import type { PrismaClient } from "@/generated/prisma/client";
import { createDb, db } from "@/lib/db/client";
import { runSiteExport, type SiteExport } from "@/lib/db/site-export";
import { runWordpressImport } from "@/lib/db/wordpress-import";
import { packExport } from "@/lib/export/package";
import { prepareUpload, storeUpload } from "@/lib/media/ingest";
import { localMediaStorage, type MediaStorage } from "@/lib/media/storage";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { openMediaSource } from "@/lib/wordpress/media-source";
import { createOrganisation, createStory, createTopic } from "../factories";

// The export, and the round trip: export as WXR, import that into an empty database, export
// again: the same, but for what docs/export-format.md says changes (storage keys, since
// pictures are re-encoded, and the dates WordPress does not have).

const SITE = "https://naringslivsnytt.test";
let work: string;
let storageA: MediaStorage;
let lerum: { id: string };
let second: { client: PrismaClient; name: string };

const body = (key: string, width: number, height: number): RichTextDoc => ({
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Lokala råvaror & hantverk" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "Saluhallen har " },
        { type: "text", text: "tolv", marks: [{ type: "bold" }] },
        { type: "text", text: " handlare, se " },
        { type: "text", text: "kommunens sida", marks: [{ type: "link", attrs: { href: "https://www.lerum.se/naringsliv?a=1&b=2" } }] },
        { type: "text", text: "." },
      ],
    },
    { type: "image", attrs: { src: `/media/${key}`, alt: "Saluhallens fasad", caption: "Foto: Anna Lindqvist", width, height } },
    { type: "bulletList", content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Ost från Stora Lundby" }] }] }] },
    { type: "blockquote", content: [{ type: "paragraph", content: [{ type: "text", text: "– Äntligen, säger Karin." }] }] },
  ],
});

beforeAll(async () => {
  work = await mkdtemp(path.join(os.tmpdir(), "site-export-"));
  storageA = localMediaStorage(path.join(work, "storage-a"));
  lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  const other = await createOrganisation(db(), { slug: "alingsas", name: "Alingsås kommun" });
  const handel = await createTopic(db(), { slug: "handel", name: "Handel" });
  const besok = await createTopic(db(), { slug: "besoksnaring", name: "Besöksnäring" });
  const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: { r: 40, g: 120, b: 90 } } }).jpeg().toBuffer();
  const prepared = await prepareUpload(photo, 20 * 1024 * 1024);
  await storeUpload(storageA, prepared);
  const { main } = prepared;
  const media = await db().media.create({
    data: { storageKey: main.storageKey, mime: main.mime, width: main.width, height: main.height, sizeBytes: main.data.length, alt: "Saluhallens fasad", caption: "Saluhallen vid stationen", credit: "Anna Lindqvist", originalName: "saluhall.jpg" },
  });
  const saluhall = await createStory(db(), {
    slug: "ny-saluhall", title: "Ny saluhall öppnar i Lerum", lead: "Tolv handlare flyttar in vid stationen.", body: body(main.storageKey, main.width, main.height),
    byline: "Anna Lindqvist", heroImageId: media.id, organisationIds: [lerum.id], topicIds: [handel.id, besok.id],
    publishedAt: new Date("2026-05-04T07:30:00Z"), contentUpdatedAt: new Date("2026-05-06T12:00:00Z"),
  });
  // A published comment goes with the story (name and text, no address); a waiting one does not.
  await db().comment.createMany({
    data: [
      { storyId: saluhall.id, authorName: "Karin Ek", authorEmail: "karin@example.org", body: "Öppet på söndagar?\n\nOst & bröd <3", status: "PUBLISHED", ipHash: "h", createdAt: new Date("2026-05-05T06:15:00Z") },
      { storyId: saluhall.id, authorName: "Väntande", authorEmail: "vantar@example.org", body: "Inte granskad än.", status: "PENDING", ipHash: "h", createdAt: new Date("2026-05-05T07:00:00Z") },
    ],
  });
  await createStory(db(), { slug: "mot-foretagaren", kind: "INTERVIEW", title: "Möt företagaren", lead: "Ett samtal om att starta eget.", organisationIds: [lerum.id], topicIds: [handel.id], publishedAt: new Date("2026-06-01T08:00:00Z") });
  await createStory(db(), { slug: "utkast-om-hamnen", title: "Utkast om hamnen", lead: "Inte klart än.", status: "DRAFT", publishedAt: null, organisationIds: [lerum.id] });
  await createStory(db(), { slug: "arkiverad", title: "En arkiverad nyhet", lead: "Gammal.", status: "ARCHIVED", publishedAt: new Date("2020-01-01T08:00:00Z"), organisationIds: [lerum.id] });
  await createStory(db(), { slug: "i-alingsas", title: "Bara i Alingsås", lead: "Hör inte till Lerum.", organisationIds: [other.id] });

  // The empty database to import into: a second clone of the migrated template.
  const name = `t_${process.pid}_export_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE app_template`);
  await admin.end();
  const url = new URL(inject("pgAdminUrl"));
  url.pathname = `/${name}`;
  second = { client: createDb(url.toString()), name };
});

afterAll(async () => {
  await second?.client.$disconnect();
  const admin = new pg.Client({ connectionString: inject("pgAdminUrl") });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${second.name} WITH (FORCE)`);
  await admin.end();
});

async function exportOf(client: PrismaClient, organisationId: string, format: "json" | "wxr", storage: MediaStorage, out: string) {
  const result = await runSiteExport(client, null, { organisationId, format }, { siteUrl: SITE });
  if (!result.ok) throw new Error(result.error);
  return { site: result.value, packed: await packExport(result.value, format, storage, out) };
}

function zipNames(file: string): Promise<string[]> {
  return new Promise((resolve, reject) =>
    yauzl.open(file, { lazyEntries: false }, (err, zip) => {
      if (err) return reject(err);
      const names: string[] = [];
      zip.on("entry", (e: yauzl.Entry) => names.push(e.fileName)).on("end", () => resolve(names.sort())).on("error", reject);
    }),
  );
}

/** Storage keys named by their order of appearance: the only names a round trip changes. */
const keysInOrder = (text: string) => {
  const seen = new Map<string, string>();
  return text.replace(/[a-f0-9]{32}\.webp/g, (k) => (seen.has(k) ? seen.get(k)! : (seen.set(k, `bild-${seen.size + 1}.webp`), seen.get(k)!)));
};

describe("site export", () => {
  it("writes the organisation's content as documented JSON with its pictures, zipped, and audits it", async () => {
    const { site, packed } = await exportOf(db(), lerum.id, "json", storageA, path.join(work, "json"));
    expect(packed.files).toEqual([path.join(work, "json", "export.zip")]);
    const names = await zipNames(packed.files[0]!);
    expect(names).toEqual(["export.json", `media/${site.media[0]!.storageKey}`]);
    expect(site).toMatchObject({ format: "naringslivsnytt-export", version: 1, organisation: { slug: "lerum", name: "Lerums kommun" } });
    expect(site.stories.map((s) => s.slug)).toEqual(["arkiverad", "ny-saluhall", "mot-foretagaren", "utkast-om-hamnen"]);
    expect(site.topics).toEqual([{ slug: "besoksnaring", name: "Besöksnäring" }, { slug: "handel", name: "Handel" }]);
    expect(site.stories.find((s) => s.slug === "ny-saluhall")!.comments).toEqual([{ key: expect.stringMatching(/^\d+$/), author: "Karin Ek", createdAt: "2026-05-05T06:15:00.000Z", body: "Öppet på söndagar?\n\nOst & bröd <3", reply: null }]);
    expect(JSON.stringify(site)).not.toContain("karin@example.org");
    expect(site.media).toEqual([expect.objectContaining({ alt: "Saluhallens fasad", credit: "Anna Lindqvist", originalName: "saluhall.jpg", file: `media/${site.media[0]!.storageKey}` })]);
    const log = await db().auditLog.findFirstOrThrow({ where: { action: "site.export" } });
    expect(log).toMatchObject({ actorId: null, entityType: "organisation", entityId: lerum.id });
    expect(log.summary).toBe("Exporterade Lerums kommun som JSON: 4 artiklar, 0 sidor, 1 bilder");
  });

  it("refuses an organisation that does not exist with a Swedish message", async () => {
    expect(await runSiteExport(db(), null, { organisationId: "00000000-0000-4000-8000-000000000000", format: "wxr" }, { siteUrl: SITE })).toMatchObject({ ok: false, error: "Organisationen finns inte längre." });
    expect(await runSiteExport(db(), null, { format: "pdf" }, { siteUrl: SITE })).toMatchObject({ ok: false });
  });

  it("round trip: WXR out, into an empty database, out again: the same", async () => {
    const first = await exportOf(db(), lerum.id, "wxr", storageA, path.join(work, "wxr-1"));
    expect(first.packed.files.map((f) => path.basename(f))).toEqual(["export.xml", "export.zip"]);
    const lerumB = await createOrganisation(second.client, { slug: "lerum", name: "Lerums kommun" });
    const storageB = localMediaStorage(path.join(work, "storage-b"));
    const source = await openMediaSource(first.packed.files[1]!);
    const { report } = await runWordpressImport(second.client, null, createReadStream(first.packed.files[0]!), {
      organisationId: lerumB.id, dryRun: false, media: { source, storage: storageB, maxBytes: 20 * 1024 * 1024 },
    });
    await source.close();
    expect(report.stories).toEqual({ created: 4, updated: 0 });
    expect(report.comments).toMatchObject({ found: 1, published: 1, pending: 0 });
    expect(report.media).toMatchObject({ created: 1, featured: 1, inBodies: 1, missing: [], rejected: [] });
    expect(report.dropped).toEqual({ images: 0, embeds: 0, unsafeLinks: 0, comments: 0, tableRows: 0, tableColumns: 0 });
    expect(await readdir(path.join(work, "storage-b"))).toHaveLength(1 + 2); // the picture and its 480/960 renditions

    const again = await exportOf(second.client, lerumB.id, "wxr", storageB, path.join(work, "wxr-2"));
    const xml = (file: string) => keysInOrder(readFileSync(file, "utf8"));
    expect(xml(again.packed.files[0]!)).toEqual(xml(first.packed.files[0]!));

    // The JSON says the same, but for what docs/export-format.md lists: storage keys and ids,
    // creation times (whole seconds; none of their own for what was published), an update time
    // equal to the publication, and the redirects an import adds for /?p=ID.
    const comparable = (site: SiteExport) =>
      JSON.parse(
        keysInOrder(
          JSON.stringify({
            ...site,
            exportedAt: null,
            redirects: null,
            stories: site.stories.map((s) => ({ ...s, createdAt: s.publishedAt ? null : s.createdAt.slice(0, 19), contentUpdatedAt: s.contentUpdatedAt === s.publishedAt ? null : s.contentUpdatedAt })),
          }),
        ),
        (key, value) => (key === "mediaId" ? undefined : value),
      );
    expect(comparable(again.site)).toEqual(comparable(first.site));
  });
});
