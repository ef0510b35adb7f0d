import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { countMatches, searchEntities, searchStories, suggestQuery, type SearchInput } from "@/lib/db/search";
import { parseSearchParams } from "@/lib/search-params";
import { createOrganisation, createPerson, createStory, createTopic, paragraphDoc } from "../factories";

const search = (q: string, over: Partial<SearchInput> = {}) => searchStories({ q, filters: {}, sort: "relevance", page: 1, pageSize: 20, ...over });
const slugs = async (q: string, over: Partial<SearchInput> = {}) => (await search(q, over)).items.map((s) => s.slug);
const day = (iso: string) => new Date(iso);

beforeAll(async () => {
  const stenungsund = await createOrganisation(db(), { slug: "stenungsund", name: "Stenungsunds kommun", county: "Västra Götalands län" });
  const vasby = await createOrganisation(db(), { slug: "upplands-vasby", name: "Upplands Väsby kommun", county: "Stockholms län" });
  const topic = await createTopic(db(), { slug: "kompetensforsorjning", name: "Kompetensförsörjning" });
  const kicki = await createPerson(db(), { slug: "kicki-nordberg", name: "Kicki Nordberg" });
  const network = await db().network.create({
    data: { slug: "naringslivsnatverket", name: "Näringslivsnätverket i Göteborgsregionen", kind: "NETWORK", summary: "Ett regionalt nätverk för näringslivsansvariga.", body: paragraphDoc("x"), ownerId: stenungsund.id },
  });

  await createStory(db(), {
    slug: "strategen", title: "Väsby anställer sin första strateg", lead: "Kommunen satsar på företagen.",
    body: paragraphDoc("Näringslivsstrategen ska få hela kommunen att tänka företag."),
    publishedAt: day("2012-04-16T08:00:00+02:00"), organisationIds: [vasby.id],
  });
  await createStory(db(), {
    slug: "titel-traff", title: "Företagsklimatet i Stenungsund lyfter", lead: "Kommunen klättrar i rankningen.",
    body: paragraphDoc("Ett stycke om kemiindustrin."), publishedAt: day("2021-05-04T08:00:00+02:00"),
    organisationIds: [stenungsund.id], topicIds: [topic.id], networkIds: [network.id],
  });
  await createStory(db(), {
    slug: "brodtext-traff", kind: "INTERVIEW", title: "Samtal med kommundirektören", lead: "Om vägen ut ur krisen.",
    body: paragraphDoc("Företagsklimatet nämns här bara i förbigående."), publishedAt: day("2022-01-10T08:00:00+01:00"),
    organisationIds: [stenungsund.id], intervieweeIds: [kicki.id], topicIds: [topic.id],
  });
  await createStory(db(), {
    slug: "radbrytning", title: "Kort notis", lead: "En notis.", body: paragraphDoc("Första raden\nkommunalrådet\tinledde dagen."),
    publishedAt: day("2018-04-26T08:00:00+02:00"),
  });
  await createStory(db(), {
    slug: "utkast", status: "DRAFT", publishedAt: null, title: "Hemligt företagsklimat", lead: "Ej publicerad.", body: paragraphDoc("Företagsklimatet."),
  });
});

describe("story search", () => {
  it("finds inflected and compound forms through the Swedish stemmer", async () => {
    expect(await slugs("näringslivsstrateg")).toEqual(["strategen"]);
    expect(await slugs("näringslivsstrategen")).toEqual(["strategen"]);
    expect(await slugs("kommunernas")).toEqual(expect.arrayContaining(["titel-traff", "strategen"]));
  });

  it("forgives a missing å, ä or ö, in the query or in the text, and keeps the stemming", async () => {
    expect(await slugs("foretagsklimatet")).toEqual(["titel-traff", "brodtext-traff"]);
    expect(await slugs("forsta strateg")).toEqual(["strategen"]);
    expect(await slugs("naringslivsstrategen")).toEqual(["strategen"]);
    expect(await slugs("Väsby")).toEqual(await slugs("vasby"));
    // The snippet marks the word as written, accents and all.
    const hit = (await search("foretagsklimatet")).items.find((s) => s.slug === "brodtext-traff")!;
    expect(hit.snippet.filter((p) => p.match).map((p) => p.text)).toEqual(["Företagsklimatet"]);
  });

  it("indexes body words that follow a line break or a tab", async () => {
    expect(await slugs("kommunalrådet")).toEqual(["radbrytning"]);
    expect(await slugs("inledde")).toEqual(["radbrytning"]);
  });

  it("ranks a title match above a body match and never shows drafts", async () => {
    expect(await slugs("företagsklimatet")).toEqual(["titel-traff", "brodtext-traff"]);
  });

  it("orders by date when asked for the newest first", async () => {
    expect(await slugs("företagsklimatet", { sort: "newest" })).toEqual(["brodtext-traff", "titel-traff"]);
  });

  it("understands quotes, OR and minus as a web search does", async () => {
    expect(await slugs('"vägen ut ur krisen"')).toEqual(["brodtext-traff"]);
    expect(await slugs("kemiindustrin OR strategen")).toEqual(expect.arrayContaining(["titel-traff", "strategen"]));
    expect(await slugs("företagsklimatet -kemiindustrin")).toEqual(["brodtext-traff"]);
  });

  it("finds stories by the names of interviewees and organisations, and follows a rename", async () => {
    expect(await slugs("Nordberg")).toEqual(["brodtext-traff"]);
    expect(await slugs("Väsby")).toEqual(["strategen"]);
    await db().person.update({ where: { slug: "kicki-nordberg" }, data: { name: "Kicki Bergström" } });
    expect(await slugs("Bergström")).toEqual(["brodtext-traff"]);
    expect(await slugs("Nordberg")).toEqual([]);
    await db().person.update({ where: { slug: "kicki-nordberg" }, data: { name: "Kicki Nordberg" } });
  });

  it("combines filters with the query and counts every filter value", async () => {
    expect(await slugs("företagsklimatet", { filters: { kind: "INTERVIEW" } })).toEqual(["brodtext-traff"]);
    expect(await slugs("", { filters: { county: "Stockholms län" } })).toEqual(["strategen"]);
    expect(await slugs("", { filters: { topic: "kompetensforsorjning", year: 2021 } })).toEqual(["titel-traff"]);
    expect(await slugs("", { filters: { network: "naringslivsnatverket" } })).toEqual(["titel-traff"]);
    expect(await slugs("", { filters: { organisation: "stenungsund", kind: "NEWS" } })).toEqual(["titel-traff"]);

    const { facets, total } = await search("företagsklimatet");
    expect(total).toBe(2);
    expect(facets.kind).toEqual([
      { value: "NEWS", label: "NEWS", count: 1 },
      { value: "INTERVIEW", label: "INTERVIEW", count: 1 },
    ]);
    expect(facets.organisation).toEqual([{ value: "stenungsund", label: "Stenungsunds kommun", count: 2 }]);
    expect(facets.year.map((y) => y.value)).toEqual(["2022", "2021"]);
    // A facet ignores its own filter, so the other values stay choosable.
    const filtered = await search("företagsklimatet", { filters: { kind: "NEWS" } });
    expect(filtered.total).toBe(1);
    expect(filtered.facets.kind.map((k) => k.count)).toEqual([1, 1]);
  });

  it("marks the matched words in a snippet without any HTML", async () => {
    const [hit] = (await search("kemiindustrin")).items;
    expect(hit?.snippet.some((p) => p.match && /kemiindustrin/i.test(p.text))).toBe(true);
    expect(hit?.snippet.map((p) => p.text).join("")).not.toMatch(/[<>\u0002\u0003]/);
  });

  it("answers odd, long or hostile queries normally", async () => {
    for (const q of ["x".repeat(2000), "'; DROP TABLE story; --", "<script>alert(1)</script>", '" OR -', "&&& ||| !!! (((", "   ", "\u0000\u0002"]) {
      const result = await search(q);
      expect(result.page).toBe(1);
      expect(Array.isArray(result.items)).toBe(true);
    }
    expect(await db().story.count()).toBeGreaterThan(0);
  });

  it("pages results", async () => {
    const first = await search("", { pageSize: 2, page: 1 });
    const second = await search("", { pageSize: 2, page: 2 });
    expect(first.total).toBe(4);
    expect(first.pageCount).toBe(2);
    expect(second.items).toHaveLength(2);
    expect(second.items[0]?.slug).not.toBe(first.items[0]?.slug);
  });
});

describe("suggestions and entity search", () => {
  it("offers a spelling that exists when a word finds nothing", async () => {
    expect(await countMatches("Stenungsnd")).toBe(0);
    expect(await suggestQuery("Stenungsnd")).toBe("stenungsund");
    expect(await suggestQuery("företagsklimatet")).toBeNull();
    // Only the misspelt word is replaced; a word that finds stories stays as typed.
    expect(await suggestQuery("kemiindustrin Stenungsnd")).toBe("kemiindustrin stenungsund");
  });

  it("never suggests words from unpublished stories", async () => {
    expect(await suggestQuery("Hemlgt")).toBeNull();
  });

  it("finds networks, people and organisations as their own group", async () => {
    const hits = await searchEntities("nätverk");
    expect(hits).toEqual(expect.arrayContaining([expect.objectContaining({ type: "network", slug: "naringslivsnatverket" })]));
    expect(await searchEntities("Nordberg")).toEqual([expect.objectContaining({ type: "person", slug: "kicki-nordberg" })]);
    expect(await searchEntities("Stenungsund")).toEqual([expect.objectContaining({ type: "organisation", slug: "stenungsund" })]);
    expect(await searchEntities("")).toEqual([]);
  });
});

describe("redirects for changed slugs", () => {
  it("keep a published story's old slug leading to its new address", async () => {
    const { findStoryRedirect } = await import("@/lib/db/stories");
    await db().story.update({ where: { slug: "strategen" }, data: { slug: "strategen-ny" } });
    expect(await findStoryRedirect("strategen")).toEqual({ kind: "NEWS", slug: "strategen-ny" });
    await db().story.update({ where: { slug: "strategen-ny" }, data: { slug: "strategen" } });
    expect(await findStoryRedirect("strategen")).toBeNull();
    expect(await findStoryRedirect("strategen-ny")).toEqual({ kind: "NEWS", slug: "strategen" });
  });
});

describe("hostile search parameters", () => {
  it("drop a NUL byte or half an emoji instead of sending it to PostgreSQL", async () => {
    const state = parseSearchParams({ q: "ny\u0000", lan: "\u0000x", kommun: "ler\u0000um" });
    expect(state.q).toBe("ny");
    expect(state.filters.county).toBe("x");
    expect(state.filters.organisation).toBeUndefined();
    await expect(searchStories({ ...state, pageSize: 20 })).resolves.toMatchObject({ total: expect.any(Number) });
    await expect(searchStories({ ...parseSearchParams({ q: "f\uD83Dretag" }), pageSize: 20 })).resolves.toBeDefined();
  });
});
