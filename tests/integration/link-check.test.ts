import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { brokenLinks, checkDueLinks, collectLinks, RECHECK_BROKEN_MS, RECHECK_OK_MS } from "@/lib/db/link-check";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { allowLoopback, startHttpServer } from "../setup/http-server";
import { createActor, createOrganisation, createStory } from "../factories";

// The scheduled link check against real HTTP servers on loopback (which the check refuses by
// default, so these tests allow it): links collected from published stories and network pages
// with their text, 200/404/500/redirect loop/time-out told apart, one request at a time per
// host, and the broken ones listed for the organisations they belong to.

let server: Awaited<ReturnType<typeof startHttpServer>>;
let base: string;
const hits: { path: string; at: number }[] = [];

const linkDoc = (...links: [text: string, href: string][]): RichTextDoc => ({
  type: "doc",
  content: links.map(([text, href]) => ({ type: "paragraph", content: [{ type: "text", text: "Se " }, { type: "text", text, marks: [{ type: "link", attrs: { href } }] }] })),
});

const options = { perHostIntervalMs: 150, probeOptions: { timeoutMs: 400, allowAddress: allowLoopback } };

beforeAll(async () => {
  server = await startHttpServer((req, res) => {
    hits.push({ path: req.url ?? "", at: Date.now() });
    const path = req.url ?? "/";
    if (path.startsWith("/ok")) return res.writeHead(200).end();
    if (path === "/borta") return res.writeHead(404).end();
    if (path === "/fel") return res.writeHead(500).end();
    if (path === "/slinga") return res.writeHead(302, { location: "/slinga" }).end();
    if (path === "/tyst") return;
    res.writeHead(400).end();
  });
  base = server.base;
});
afterAll(() => server.close());

describe("the link check", () => {
  let lerum: { id: string; name: string };
  let ale: { id: string; name: string };
  let lerumStory: string;
  let networkId: string;

  it("collects external links of published stories and network pages with the text a reader sees", async () => {
    lerum = await createOrganisation(db(), { name: "Lerums kommun" });
    ale = await createOrganisation(db(), { name: "Ale kommun" });
    const body = linkDoc(["programmet", `${base}/ok/1`], ["anmälan", `${base}/borta`], ["servern", `${base}/fel`], ["slingan", `${base}/slinga`], ["den tysta", `${base}/tyst`], ["en sida här", "/nyheter/annat"]);
    // One link split in two text nodes (part of it bold) is one link with its whole text.
    body.content.push({ type: "paragraph", content: [{ type: "text", text: "Läs ", marks: [{ type: "link", attrs: { href: `${base}/ok/2` } }] }, { type: "text", text: "planen", marks: [{ type: "bold" }, { type: "link", attrs: { href: `${base}/ok/2` } }] }] });
    lerumStory = (await createStory(db(), { title: "Lerums länkar", body, organisationIds: [lerum.id] })).id;
    await createStory(db(), { title: "Ale länkar", body: linkDoc(["Ales sida", `${base}/borta`]), organisationIds: [ale.id] });
    await createStory(db(), { title: "Utkast", status: "DRAFT", publishedAt: null, body: linkDoc(["utkastets länk", `${base}/ok/utkast`]), organisationIds: [lerum.id] });
    networkId = (await db().network.create({ data: { slug: "lankat-natverk", name: "Länkat nätverk", kind: "NETWORK", summary: "Om.", body: linkDoc(["nätverkets sida", `${base}/fel`]), ownerId: ale.id, externalUrl: `${base}/ok/natverk` } })).id;

    expect(await collectLinks(db())).toEqual({ occurrences: 9, addresses: 7 });
    const texts = await db().linkOccurrence.findMany({ where: { storyId: lerumStory }, orderBy: { id: "asc" }, select: { url: true, text: true } });
    expect(texts.map((t) => t.text).sort()).toEqual(["Läs planen", "anmälan", "den tysta", "programmet", "servern", "slingan"]);
    // Collecting again replaces rather than adds.
    expect(await collectLinks(db())).toEqual({ occurrences: 9, addresses: 7 });
  });

  it("checks each due address once, tells the failures apart and spaces requests to one host", async () => {
    hits.length = 0;
    const result = await checkDueLinks(db(), { ...options, hostConcurrency: 1 });
    expect(result).toEqual({ checked: 7, broken: 4 });
    const rows = new Map((await db().linkCheck.findMany()).map((r) => [r.url.replace(base, ""), r]));
    expect(rows.get("/ok/1")).toMatchObject({ result: "ok", httpStatus: 200, problem: null });
    expect(rows.get("/borta")).toMatchObject({ result: "broken", httpStatus: 404, problem: "Sidan finns inte (404)" });
    expect(rows.get("/fel")).toMatchObject({ result: "broken", httpStatus: 500, problem: "Fel hos servern (500)" });
    expect(rows.get("/slinga")).toMatchObject({ result: "broken", problem: "Omdirigerar i en slinga" });
    expect(rows.get("/tyst")).toMatchObject({ result: "broken", problem: "Svarar inte inom 1 sekund" });
    const ok = rows.get("/ok/1")!;
    expect(ok.nextCheckAt.getTime() - ok.checkedAt!.getTime()).toBe(RECHECK_OK_MS);
    const broken = rows.get("/borta")!;
    expect(broken.nextCheckAt.getTime() - broken.checkedAt!.getTime()).toBe(RECHECK_BROKEN_MS);
    // One host: each request starts at least the interval after the one before it ended began.
    const firstPerUrl = hits.filter((h, i) => hits.findIndex((x) => x.path === h.path) === i);
    for (let i = 1; i < firstPerUrl.length; i++) expect(firstPerUrl[i]!.at - firstPerUrl[i - 1]!.at).toBeGreaterThanOrEqual(140);
    // Nothing is due any more.
    expect(await checkDueLinks(db(), options)).toEqual({ checked: 0, broken: 0 });
  });

  it("lists the broken links per organisation: an editor sees their own, an administrator all", async () => {
    const lerumEditor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
    const aleEditor = await createActor(db(), { role: "EDITOR", organisationIds: [ale.id] });
    const admin = await createActor(db(), { role: "ADMIN" });
    const ofLerum = await brokenLinks(db(), lerumEditor);
    expect(ofLerum.map((l) => l.text).sort()).toEqual(["anmälan", "den tysta", "servern", "slingan"]);
    expect(ofLerum.every((l) => l.source.kind === "story" && l.source.id === lerumStory)).toBe(true);
    const ofAle = await brokenLinks(db(), aleEditor);
    expect(ofAle.map((l) => `${l.source.kind}:${l.text}`).sort()).toEqual(["network:nätverkets sida", "story:Ales sida"]);
    expect(ofAle.find((l) => l.source.kind === "network")?.source.id).toBe(networkId);
    expect(await brokenLinks(db(), admin)).toHaveLength(6);
  });

  it("forgets a link that is no longer in any published text", async () => {
    await db().story.update({ where: { id: lerumStory }, data: { status: "DRAFT" } });
    await collectLinks(db());
    expect(await db().linkCheck.count({ where: { url: `${base}/slinga` } })).toBe(0);
    expect(await db().linkCheck.count({ where: { url: `${base}/borta` } })).toBe(1);
  });
});
