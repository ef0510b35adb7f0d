import { mkdtemp, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { databaseIsEmpty, seedContent } from "@/lib/db/seed";
import { loadContent } from "@/lib/content/load";
import { localMediaStorage } from "@/lib/media/storage";
import { richTextDocSchema } from "@/lib/rich-text/schema";

const TABLES = [
  "organisation", "person", "media", "topic", "series", "story", "story_organisation", "story_topic",
  "story_interviewee", "story_person", "story_network", "network", "network_member", "network_topic",
  "network_goal", "network_meeting", "page", "site_settings",
];

/** Every row of every content table, as text, in a stable order. */
async function dump(): Promise<Record<string, string[]>> {
  const out: Record<string, string[]> = {};
  for (const t of TABLES) {
    const rows = await db().$queryRawUnsafe<{ r: string }[]>(`SELECT row_to_json(x)::text AS r FROM "${t}" x`);
    out[t] = rows.map((row) => row.r).sort();
  }
  return out;
}

describe("demo content seed", () => {
  let mediaDir: string;
  beforeAll(async () => {
    mediaDir = await mkdtemp(path.join(os.tmpdir(), "nn-media-"));
  });

  it("loads the demo content the brief asks for into an empty database", async () => {
    expect(await databaseIsEmpty(db())).toBe(true);
    await seedContent(db(), { contentDir: path.resolve("content"), storage: localMediaStorage(mediaDir) });
    expect(await databaseIsEmpty(db())).toBe(false);

    const stories = await db().story.findMany({ select: { kind: true, status: true, seriesId: true, heroImageId: true, body: true } });
    expect(stories).toHaveLength(5);
    expect(stories.filter((s) => s.kind === "INTERVIEW")).toHaveLength(2);
    expect(stories.filter((s) => s.seriesId)).toHaveLength(1);
    expect(stories.every((s) => s.status === "PUBLISHED" && s.heroImageId)).toBe(true);
    for (const s of stories) expect(richTextDocSchema.safeParse(s.body).success).toBe(true);
    // Interviews are stored as question/answer pairs.
    for (const s of stories.filter((x) => x.kind === "INTERVIEW")) {
      expect(JSON.stringify(s.body)).toContain('"type":"questionAnswer"');
    }

    const gr = ["ale", "alingsas", "goteborg", "harryda", "kungsbacka", "kungalv", "lerum", "lilla-edet", "molndal", "partille", "stenungsund", "tjorn", "ockero"];
    const municipalities = await db().organisation.findMany({ where: { kind: "MUNICIPALITY" }, select: { slug: true, county: true, municipalityCode: true } });
    expect(municipalities.map((m) => m.slug)).toEqual(expect.arrayContaining([...gr, "upplands-vasby", "rattvik"]));
    expect(municipalities.find((m) => m.slug === "kungsbacka")?.county).toBe("Hallands län");
    expect(municipalities.every((m) => /^\d{4}$/.test(m.municipalityCode ?? ""))).toBe(true);

    expect(await db().network.count()).toBe(4);
    const grNetwork = await db().network.findUniqueOrThrow({ where: { slug: "naringslivsnatverket-goteborgsregionen" }, select: { _count: { select: { members: true } }, coordinator: { select: { name: true } } } });
    expect(grNetwork._count.members).toBe(13);
    expect(grNetwork.coordinator?.name).toBe("Pia Areblad");

    expect(await db().page.count()).toBe(5);
    expect(await db().siteSettings.count()).toBe(1);
    const media = await db().media.findMany({ select: { storageKey: true, alt: true, width: true } });
    expect(media.length).toBeGreaterThanOrEqual(7);
    expect(media.every((m) => m.alt.trim().length > 0 && m.width > 0)).toBe(true);
    expect((await readdir(mediaDir)).sort()).toEqual(media.map((m) => m.storageKey).sort());
  });

  it("changes nothing when it runs a second time", async () => {
    const before = await dump();
    const report = await seedContent(db(), { contentDir: path.resolve("content"), storage: localMediaStorage(mediaDir) });
    expect(Object.values(report.created).every((n) => n === 0)).toBe(true);
    expect(await dump()).toEqual(before);
  });

  it("leaves an editor's change alone on a later run", async () => {
    await db().story.update({ where: { slug: (await db().story.findFirstOrThrow()).slug }, data: { title: "Ändrad av redaktören" } });
    await seedContent(db(), { contentDir: path.resolve("content"), storage: localMediaStorage(mediaDir) });
    expect(await db().story.count({ where: { title: "Ändrad av redaktören" } })).toBe(1);
  });

  it("rejects content that refers to something that does not exist", async () => {
    const content = await loadContent(path.resolve("content"));
    expect(content.stories.length).toBe(5);
    const { ContentError } = await import("@/lib/content/load");
    const broken = path.resolve("tests/fixtures/broken-content");
    await expect(loadContent(broken)).rejects.toBeInstanceOf(ContentError);
    await expect(loadContent(broken)).rejects.toThrow(/unknown organisation "finns-inte"/);
  });
});
