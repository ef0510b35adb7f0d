import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getNetwork, listNetworks } from "@/lib/db/networks";
import { getOrganisation, listOrganisations } from "@/lib/db/organisations";
import { getPerson } from "@/lib/db/people";
import { getPage, getSiteSettings } from "@/lib/db/site";
import { getPublishedStory, listLatestStories, listPublishedStories, listRelatedStories, listSeriesParts } from "@/lib/db/stories";
import { getSeries, getTopic, listTopics } from "@/lib/db/taxonomy";
import { createOrganisation, createPerson, createStory, createTopic, paragraphDoc } from "../factories";
import { countQueries } from "../setup/query-counter";

const hour = 3_600_000;
const past = (h: number) => new Date(Date.now() - h * hour);

describe("public story reads", () => {
  let lerum: { id: string; slug: string };
  let tjorn: { id: string; slug: string };
  let topic: { id: string; slug: string };

  beforeAll(async () => {
    lerum = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
    tjorn = await createOrganisation(db(), { slug: "tjorn", name: "Tjörns kommun" });
    topic = await createTopic(db(), { slug: "foretagsklimat", name: "Företagsklimat" });
    await createStory(db(), { slug: "publicerad-lerum", publishedAt: past(5), organisationIds: [lerum.id], topicIds: [topic.id] });
    await createStory(db(), { slug: "publicerad-tjorn", publishedAt: past(4), organisationIds: [tjorn.id] });
    await createStory(db(), { slug: "intervju", kind: "INTERVIEW", publishedAt: past(3), organisationIds: [lerum.id], topicIds: [topic.id] });
    await createStory(db(), { slug: "utkast", status: "DRAFT", publishedAt: null, organisationIds: [lerum.id], topicIds: [topic.id] });
    await createStory(db(), { slug: "granskas", status: "IN_REVIEW", publishedAt: null, organisationIds: [lerum.id] });
    await createStory(db(), { slug: "schemalagd", status: "SCHEDULED", publishedAt: new Date(Date.now() + 24 * hour), organisationIds: [lerum.id] });
    await createStory(db(), { slug: "framtida", status: "PUBLISHED", publishedAt: new Date(Date.now() + 24 * hour), organisationIds: [lerum.id], topicIds: [topic.id] });
    await createStory(db(), { slug: "arkiverad", status: "ARCHIVED", publishedAt: past(100), organisationIds: [lerum.id] });
  });

  it("lists only published stories whose time has come, newest first", async () => {
    const all = await listPublishedStories({ page: 1, pageSize: 50 });
    expect(all.items.map((s) => s.slug)).toEqual(["intervju", "publicerad-tjorn", "publicerad-lerum"]);
    expect(all.total).toBe(3);
    expect((await listPublishedStories({ page: 1, pageSize: 50, kind: "NEWS" })).items.map((s) => s.slug)).toEqual(["publicerad-tjorn", "publicerad-lerum"]);
    expect((await listLatestStories(1, "INTERVIEW")).map((s) => s.slug)).toEqual(["intervju"]);
  });

  it("never returns a draft, scheduled, future or archived story by slug", async () => {
    for (const slug of ["utkast", "granskas", "schemalagd", "framtida", "arkiverad", "finns-inte"]) {
      expect(await getPublishedStory(slug)).toBeNull();
    }
    const story = await getPublishedStory("publicerad-lerum");
    expect(story).toMatchObject({ slug: "publicerad-lerum", kind: "NEWS", organisations: [{ slug: "lerum", name: "Lerums kommun" }], topics: [{ slug: "foretagsklimat" }] });
    expect(typeof story!.publishedAt).toBe("string");
  });

  it("scopes lists to an organisation and counts only visible stories per organisation", async () => {
    const lerumStories = await listPublishedStories({ page: 1, pageSize: 50, scope: { organisation: "lerum" } });
    expect(lerumStories.items.map((s) => s.slug)).toEqual(["intervju", "publicerad-lerum"]);
    const orgs = await listOrganisations();
    expect(orgs.find((o) => o.slug === "lerum")?.storyCount).toBe(2);
    expect(orgs.find((o) => o.slug === "tjorn")?.storyCount).toBe(1);
  });

  it("finds related stories through shared topics or organisations, never itself or hidden ones", async () => {
    const story = (await getPublishedStory("publicerad-lerum"))!;
    const related = await listRelatedStories({ id: story.id, topicSlugs: ["foretagsklimat"], organisationSlugs: ["lerum"] });
    expect(related.map((s) => s.slug)).toEqual(["intervju"]);
  });

  it("pages through a list without repeating or skipping stories that share a publication time", async () => {
    const org = await createOrganisation(db(), { slug: "paging" });
    const same = past(50);
    for (let i = 0; i < 7; i++) await createStory(db(), { slug: `samma-tid-${i}`, publishedAt: same, organisationIds: [org.id] });
    const pages = await Promise.all([1, 2, 3].map((page) => listPublishedStories({ page, pageSize: 3, scope: { organisation: "paging" } })));
    expect(pages.map((p) => p.pageCount)).toEqual([3, 3, 3]);
    const slugs = pages.flatMap((p) => p.items.map((s) => s.slug));
    expect(slugs).toHaveLength(7);
    expect(new Set(slugs).size).toBe(7);
  });

  it("fetches a list page in the same number of queries however many stories it shows", async () => {
    const small = await countQueries(() => listPublishedStories({ page: 1, pageSize: 2 }));
    const large = await countQueries(() => listPublishedStories({ page: 1, pageSize: 10 }));
    expect(large.result.items.length).toBeGreaterThan(small.result.items.length);
    expect(large.queries).toBe(small.queries);
    expect(small.queries).toBeGreaterThan(0);
    expect(large.queries).toBeLessThanOrEqual(6);
  });
});

describe("entity reads", () => {
  it("returns a series with its published parts in reading order", async () => {
    const series = await db().series.create({ data: { slug: "serie", name: "Kommundirektörerna" } });
    await createStory(db(), { slug: "del-2", seriesId: series.id, seriesPosition: 2, publishedAt: past(10) });
    await createStory(db(), { slug: "del-1", seriesId: series.id, seriesPosition: 1, publishedAt: past(5) });
    await createStory(db(), { slug: "del-3-utkast", seriesId: series.id, seriesPosition: 3, status: "DRAFT", publishedAt: null });
    const story = await getPublishedStory("del-2");
    expect((await listSeriesParts("serie")).map((s) => s.slug)).toEqual(["del-1", "del-2"]);
    expect(story?.series?.position).toBe(2);
    expect(await getSeries("serie")).toMatchObject({ name: "Kommundirektörerna" });
    const parts = await listPublishedStories({ page: 1, pageSize: 10, scope: { series: "serie" }, order: "series" });
    expect(parts.items.map((s) => s.slug)).toEqual(["del-1", "del-2"]);
  });

  it("returns a network with members in Swedish order, goals and meetings", async () => {
    const owner = await createOrganisation(db(), { slug: "gr", name: "Göteborgsregionen", kind: "ASSOCIATION" });
    const ale = await createOrganisation(db(), { slug: "ale", name: "Ale kommun" });
    const ockero = await createOrganisation(db(), { slug: "ockero", name: "Öckerö kommun" });
    const zeta = await createOrganisation(db(), { slug: "zeta", name: "Zeta kommun" });
    const coordinator = await createPerson(db(), { slug: "pia", name: "Pia Areblad" });
    await db().network.create({
      data: {
        slug: "natverket",
        name: "Nätverket",
        kind: "NETWORK",
        summary: "Ett nätverk.",
        body: paragraphDoc("Om nätverket."),
        ownerId: owner.id,
        coordinatorId: coordinator.id,
        members: { create: [ockero, zeta, ale].map((o) => ({ organisationId: o.id })) },
        goals: { create: [{ position: 1, label: "Andra målet" }, { position: 0, label: "Första målet", target: "120 000 jobb" }] },
        meetings: { create: [{ startsAt: new Date("2022-10-07T07:00:00Z"), title: "Möte", place: "Göteborg" }] },
      },
    });
    const network = await getNetwork("natverket");
    expect(network?.members.map((m) => m.slug)).toEqual(["ale", "zeta", "ockero"]);
    expect(network?.goals.map((g) => g.label)).toEqual(["Första målet", "Andra målet"]);
    expect(network?.meetings[0]?.startsAt).toBe("2022-10-07T07:00:00.000Z");
    expect(network?.coordinator?.name).toBe("Pia Areblad");
    expect((await listNetworks()).find((n) => n.slug === "natverket")?.memberCount).toBe(3);
    const gr = await getOrganisation("gr");
    expect(gr?.networks).toEqual([{ slug: "natverket", name: "Nätverket", kind: "NETWORK", role: "owner" }]);
    expect((await getOrganisation("ale"))?.networks[0]?.role).toBe("member");
    expect(await getNetwork("finns-inte")).toBeNull();
  });

  it("finds a person's interviews and mentions", async () => {
    const person = await createPerson(db(), { slug: "kicki", name: "Kicki Nordberg" });
    await createStory(db(), { slug: "med-kicki", kind: "INTERVIEW", intervieweeIds: [person.id], publishedAt: past(2) });
    await createStory(db(), { slug: "om-kicki", personIds: [person.id], publishedAt: past(1) });
    expect(await getPerson("kicki")).toMatchObject({ name: "Kicki Nordberg" });
    const list = await listPublishedStories({ page: 1, pageSize: 10, scope: { person: "kicki" } });
    expect(list.items.map((s) => s.slug)).toEqual(["om-kicki", "med-kicki"]);
  });

  it("sorts names the Swedish way: Z before Å, Ä and Ö", async () => {
    for (const name of ["Öppna data", "Ärendehantering", "Zonplaner", "Åtgärdsplaner", "Anbud"]) await createTopic(db(), { name });
    const names = (await listTopics()).map((t) => t.name).filter((n) => ["Öppna data", "Ärendehantering", "Zonplaner", "Åtgärdsplaner", "Anbud"].includes(n));
    expect(names).toEqual(["Anbud", "Zonplaner", "Åtgärdsplaner", "Ärendehantering", "Öppna data"]);
  });

  it("returns topics, pages and site settings, with a fallback before the seed", async () => {
    await createTopic(db(), { slug: "upphandling", name: "Upphandling" });
    expect(await getTopic("upphandling")).toMatchObject({ name: "Upphandling", networks: [] });
    expect((await getSiteSettings()).siteName).toBe("Näringslivsnytt");
    await db().siteSettings.create({ data: { siteName: "Testsajten", footerOrganisation: "Test" } });
    expect((await getSiteSettings()).siteName).toBe("Testsajten");
    expect(await getPage("om")).toBeNull();
    await db().page.create({ data: { slug: "om", title: "Om oss", body: paragraphDoc("Text") } });
    expect(await getPage("om")).toMatchObject({ title: "Om oss" });
  });
});
