import Parser from "rss-parser";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db/client";
import { listPeople } from "@/lib/db/people";
import { listFeedStories } from "@/lib/db/stories";
import { listSeries } from "@/lib/db/taxonomy";
import { feedResponse } from "@/lib/feed-routes";
import { createOrganisation, createPerson, createStory } from "../factories";

// Outside Next there is no data cache: the feed routes' cached reads run straight through.
vi.mock("next/cache", () => ({ unstable_cache: (fn: () => unknown) => fn }));

beforeAll(async () => {
  const lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  for (let i = 1; i <= 3; i++) await createStory(db(), { slug: `nyhet-${i}`, title: `Nyhet ${i}`, publishedAt: new Date(Date.UTC(2024, 0, i, 7)), organisationIds: [lerum.id] });
  await createStory(db(), { slug: "samtal", kind: "INTERVIEW", title: "Ett samtal", publishedAt: new Date(Date.UTC(2024, 1, 1, 7)) });
  await createStory(db(), { slug: "intervju-utkast", kind: "INTERVIEW", title: "Utkast", status: "DRAFT", publishedAt: null });
  for (const name of ["Örjan Öberg", "Åsa Qvist", "Anna Andersson", "Ärla Ek"]) await createPerson(db(), { name, organisationId: lerum.id });
  const series = await db().series.create({ data: { slug: "kommundirektorerna", name: "Kommundirektörerna" } });
  await db().story.update({ where: { slug: "nyhet-1" }, data: { seriesId: series.id } });
  await db().story.update({ where: { slug: "nyhet-2" }, data: { seriesId: series.id, status: "DRAFT" } });
  await db().series.create({ data: { slug: "tom", name: "Ännu tom" } });
});

describe("the story lists' feeds", () => {
  it("/nyheter/feed.xml holds the news only, newest first, with its own title and address", async () => {
    const res = await feedResponse("news", "rss");
    expect(res.headers.get("content-type")).toBe("application/rss+xml; charset=utf-8");
    const xml = await res.text();
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("Nyheter – Näringslivsnytt");
    // nyhet-2 was taken back to draft (beforeAll): a draft never shows.
    expect(feed.items.map((i) => i.title)).toEqual(["Nyhet 3", "Nyhet 1"]);
    expect(xml).toMatch(/<atom:link href="[^"]+\/nyheter\/feed\.xml" rel="self"/);
  });

  it("/intervjuer/atom.xml holds the published interviews only", async () => {
    const res = await feedResponse("interviews", "atom");
    expect(res.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const xml = await res.text();
    const feed = await new Parser().parseString(xml);
    expect(feed.title).toBe("Intervjuer – Näringslivsnytt");
    expect(feed.items.map((i) => i.title)).toEqual(["Ett samtal"]);
    expect(xml).toMatch(/<link rel="self" type="application\/atom\+xml" href="[^"]+\/intervjuer\/atom\.xml"\/>/);
  });

  it("the site feed still holds both kinds", async () => {
    expect((await listFeedStories({})).map((s) => s.slug)).toEqual(["samtal", "nyhet-3", "nyhet-1"]);
    expect((await listFeedStories({}, 50, "INTERVIEW")).map((s) => s.slug)).toEqual(["samtal"]);
  });
});

describe("the index pages' reads", () => {
  it("list people in Swedish alphabetical order with their organisation, a page at a time", async () => {
    const first = await listPeople(1, 3);
    expect(first.items.map((p) => p.name)).toEqual(["Anna Andersson", "Åsa Qvist", "Ärla Ek"]);
    expect(first.items[0]).toMatchObject({ organisation: "Lerums kommun" });
    expect(first).toMatchObject({ page: 1, pageCount: 2, total: 4 });
    expect((await listPeople(2, 3)).items.map((p) => p.name)).toEqual(["Örjan Öberg"]);
  });

  it("list series with their published parts only", async () => {
    expect(await listSeries()).toEqual([
      { slug: "kommundirektorerna", name: "Kommundirektörerna", description: null, parts: 1 },
      { slug: "tom", name: "Ännu tom", description: null, parts: 0 },
    ]);
  });
});
