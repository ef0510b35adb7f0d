import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ForbiddenError, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { markdownToDoc } from "@/lib/rich-text/markdown";
import { UNSAFE_LINK } from "@/lib/rich-text/schema";
import { db } from "@/lib/db/client";
import { bodyTextToDoc, docToBodyText } from "@/lib/db/entities/network-body";
import { getNetworkForEdit, networkCommands } from "@/lib/db/entities/networks";
import { organisationCommands } from "@/lib/db/entities/organisations";
import { personCommands } from "@/lib/db/entities/people";
import { seriesCommands } from "@/lib/db/entities/series";
import { settingsCommands } from "@/lib/db/entities/settings";
import { isUniqueViolation } from "@/lib/db/entities/shared";
import { topicCommands } from "@/lib/db/entities/topics";
import { UNSAFE_TEXT } from "@/lib/validation/text-safety";
import { createActor, createOrganisation, createPerson, createStory, createTopic } from "../factories";

// The newsroom commands for people, topics, series, networks, organisations and site settings,
// against a real database: who may do what, slug clashes, refused deletions, the audit log and
// the cache tags each change returns.

const { createPerson: addPerson, updatePerson, deletePerson } = personCommands;
const { createTopic: addTopic, updateTopic, deleteTopic } = topicCommands;
const { createSeries, updateSeries, deleteSeries } = seriesCommands;
const { createNetwork, updateNetwork, deleteNetwork } = networkCommands;
const { createOrganisation: addOrganisation, updateOrganisation, deleteOrganisation } = organisationCommands;
const { updateSettings } = settingsCommands;

let orgA: { id: string; slug: string };
let orgB: { id: string; slug: string };
let admin: Actor;
let editorA: Actor;
let writerA: Actor;

beforeAll(async () => {
  orgA = await createOrganisation(db(), { slug: "lerum", name: "Lerums kommun" });
  orgB = await createOrganisation(db(), { slug: "stenungsund", name: "Stenungsunds kommun" });
  admin = await createActor(db(), { role: "ADMIN", email: "admin@test.local" });
  editorA = await createActor(db(), { role: "EDITOR", organisationIds: [orgA.id], email: "redaktor@test.local" });
  writerA = await createActor(db(), { role: "WRITER", organisationIds: [orgA.id] });
});

function ok<T>(result: { ok: boolean; value?: T; error?: string; fieldErrors?: Record<string, string> }): T {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
  return result.value as T;
}

const lastAudit = () => db().auditLog.findFirstOrThrow({ orderBy: { id: "desc" } });

function networkInput(over: Record<string, unknown> = {}) {
  return { name: "Företagsnätverket", slug: "", kind: "NETWORK", summary: "Ett nätverk för företagare.", body: "", ownerId: orgA.id, memberIds: [], topicIds: [], coordinatorId: "", externalUrl: "", goals: "", ...over };
}

describe("characters PostgreSQL cannot store", () => {
  it("get a field message in every entity form instead of a database failure", async () => {
    const nul = "Namn\u0000med NUL";
    const half = "Halv emoji \uD83D";
    expect(await addTopic(db(), admin, { name: nul })).toMatchObject({ ok: false, fieldErrors: { name: UNSAFE_TEXT } });
    expect(await createSeries(db(), admin, { name: "Serie", description: half })).toMatchObject({ ok: false, fieldErrors: { description: UNSAFE_TEXT } });
    expect(await addPerson(db(), admin, { name: "Åsa", title: nul, organisationId: orgA.id, bio: "", slug: "" })).toMatchObject({ ok: false, fieldErrors: { title: UNSAFE_TEXT } });
    expect(await addOrganisation(db(), admin, { name: half, kind: "COMPANY" })).toMatchObject({ ok: false, fieldErrors: { name: UNSAFE_TEXT } });
    expect(await createNetwork(db(), admin, networkInput({ body: "Text\u0000" }))).toMatchObject({ ok: false, fieldErrors: { body: UNSAFE_TEXT } });
  });
});

describe("people", () => {
  it("lets an administrator create, rename and delete a person, with audit rows and tags", async () => {
    const created = await addPerson(db(), admin, { name: "Åsa Öberg", title: "Näringslivschef", organisationId: orgA.id, bio: "", slug: "" }, { ip: "10.0.0.1" });
    expect(created).toMatchObject({ ok: true, tags: [tags.person("asa-oberg"), tags.people, tags.organisation("lerum")] });
    const { id } = ok(created);
    expect(await lastAudit()).toMatchObject({ action: "person.create", actorEmail: "admin@test.local", entityType: "person", entityId: id, ip: "10.0.0.1" });

    const updated = await updatePerson(db(), admin, { id, name: "Åsa Öberg", title: "", organisationId: orgB.id, bio: "Kort om Åsa.", slug: "asa-oberg-2" });
    expect(updated.ok && updated.tags.sort()).toEqual([tags.person("asa-oberg"), tags.person("asa-oberg-2"), tags.people, tags.organisation("lerum"), tags.organisation("stenungsund")].sort());
    expect(await db().person.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: "asa-oberg-2", title: null, bio: "Kort om Åsa.", organisationId: orgB.id });
    expect((await lastAudit()).action).toBe("person.update");

    expect(await deletePerson(db(), admin, { id })).toEqual({ ok: false, error: expect.stringMatching(/Bekräfta/) });
    const deleted = await deletePerson(db(), admin, { id, confirm: "ja" });
    expect(deleted).toMatchObject({ ok: true, tags: [tags.person("asa-oberg-2"), tags.people, tags.organisation("stenungsund")] });
    expect(await db().person.count({ where: { id } })).toBe(0);
    expect(await lastAudit()).toMatchObject({ action: "person.delete", entityId: id });
  });

  it("lets an editor manage people of their organisations and people without one, not others", async () => {
    const own = await createPerson(db(), { organisationId: orgA.id });
    const other = await createPerson(db(), { organisationId: orgB.id });
    const free = await createPerson(db());
    expect((await updatePerson(db(), editorA, { id: own.id, name: "Ny Titel", slug: own.slug, organisationId: orgA.id })).ok).toBe(true);
    expect((await updatePerson(db(), editorA, { id: free.id, name: free.name, slug: free.slug, organisationId: "" })).ok).toBe(true);
    await expect(updatePerson(db(), editorA, { id: other.id, name: "Kapad", slug: other.slug, organisationId: orgA.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deletePerson(db(), editorA, { id: other.id, confirm: "ja" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().person.findUniqueOrThrow({ where: { id: other.id } })).name).toBe(other.name);

    // Moving a person to, or creating one in, someone else's organisation is a field error.
    expect(await updatePerson(db(), editorA, { id: own.id, name: "Ny Titel", slug: own.slug, organisationId: orgB.id })).toMatchObject({ ok: false, fieldErrors: { organisationId: expect.any(String) } });
    expect(await addPerson(db(), editorA, { name: "Främling", organisationId: orgB.id })).toMatchObject({ ok: false, fieldErrors: { organisationId: expect.any(String) } });
    expect(ok(await addPerson(db(), editorA, { name: "Egen Person", organisationId: orgA.id }))).toMatchObject({ slug: "egen-person" });
    expect((await deletePerson(db(), editorA, { id: own.id, confirm: "ja" })).ok).toBe(true);
  });

  it("shows a slug clash as a field error and refuses to delete a person who is in a story", async () => {
    await createPerson(db(), { slug: "kalle-anka", name: "Kalle Anka" });
    expect(await addPerson(db(), admin, { name: "Kalle Anka", slug: "" })).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringMatching(/används redan/) } });
    expect(await addPerson(db(), admin, { name: "Kalle", slug: "Inte En Slug!" })).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String) } });
    expect(await addPerson(db(), admin, { name: "" })).toMatchObject({ ok: false, fieldErrors: { name: expect.any(String) } });

    const interviewee = await createPerson(db(), { organisationId: orgA.id });
    await createStory(db(), { slug: "intervju-med-person", kind: "INTERVIEW", intervieweeIds: [interviewee.id] });
    const refused = await deletePerson(db(), editorA, { id: interviewee.id, confirm: "ja" });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/förekommer i 1 artikel/) });
    expect(await db().person.count({ where: { id: interviewee.id } })).toBe(1);

    // Renaming them refreshes the published story that shows the name.
    const renamed = await updatePerson(db(), admin, { id: interviewee.id, name: "Nytt Namn", slug: interviewee.slug, organisationId: orgA.id });
    expect(renamed.ok && renamed.tags).toContain(tags.story("intervju-med-person"));
  });
});

describe("topics and series", () => {
  it("are managed by editors and administrators; writers are refused", async () => {
    const topic = ok(await addTopic(db(), editorA, { name: "Hållbar tillväxt", description: "Om tillväxt." }));
    expect(topic.slug).toBe("hallbar-tillvaxt");
    expect(await lastAudit()).toMatchObject({ action: "topic.create", actorEmail: "redaktor@test.local", entityId: topic.id });
    const renamed = await updateTopic(db(), admin, { id: topic.id, name: "Grön tillväxt", slug: "gron-tillvaxt", description: "" });
    expect(renamed.ok && renamed.tags.sort()).toEqual([tags.topic("hallbar-tillvaxt"), tags.topic("gron-tillvaxt"), tags.topics].sort());
    expect(await addTopic(db(), admin, { name: "Grön tillväxt" })).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringMatching(/används redan/) } });

    const series = await createSeries(db(), editorA, { name: "Företagare berättar", slug: "" });
    expect(series.ok && series.tags.sort()).toEqual([tags.series("foretagare-berattar"), tags.seriesIndex].sort());
    const seriesId = ok(series).id;
    const updated = await updateSeries(db(), editorA, { id: seriesId, name: "Företagarna berättar", slug: "foretagare-berattar" });
    expect(updated.ok && updated.tags.sort()).toEqual([tags.series("foretagare-berattar"), tags.seriesIndex].sort());
    expect(await lastAudit()).toMatchObject({ action: "series.update", entityId: seriesId });
    expect(await createSeries(db(), admin, { name: "Något", slug: "foretagare-berattar" })).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String) } });
  });

  it("deletes a topic or series in use after confirmation; its stories stay published", async () => {
    const topic = await createTopic(db(), { slug: "besoksnaring", name: "Besöksnäring" });
    const series = ok(await createSeries(db(), admin, { name: "Sommarserien" }));
    const story = await createStory(db(), { slug: "sommar-i-lerum", topicIds: [topic.id], seriesId: series.id });

    expect((await deleteTopic(db(), admin, { id: topic.id })).ok).toBe(false);
    const deleted = await deleteTopic(db(), editorA, { id: topic.id, confirm: "ja" });
    expect(deleted.ok && deleted.tags.sort()).toEqual([tags.topic("besoksnaring"), tags.topics, tags.story("sommar-i-lerum")].sort());
    expect(await lastAudit()).toMatchObject({ action: "topic.delete", entityId: topic.id });

    const deletedSeries = await deleteSeries(db(), editorA, { id: series.id, confirm: "ja" });
    expect(deletedSeries.ok && deletedSeries.tags.sort()).toEqual([tags.series("sommarserien"), tags.seriesIndex, tags.story("sommar-i-lerum")].sort());
    expect(await db().story.findUniqueOrThrow({ where: { id: story.id } })).toMatchObject({ status: "PUBLISHED", seriesId: null });
  });
});

describe("networks", () => {
  it("lets an administrator create one with members, topics, goals and meetings", async () => {
    const topic = await createTopic(db(), { slug: "kompetens", name: "Kompetens" });
    const coordinator = await createPerson(db(), { slug: "pia-samordnare", organisationId: orgA.id });
    const body = "Nätverket samlar **kommunerna**.\n\n## Varför\n\n- Lära av varandra\n- Se [programmet](/natverk/programmet)";
    const created = await createNetwork(
      db(),
      admin,
      networkInput({
        name: "Regionala nätverket",
        body,
        ownerId: orgB.id,
        memberIds: [orgA.id, orgB.id],
        topicIds: topic.id,
        coordinatorId: coordinator.id,
        externalUrl: "https://example.se",
        goals: "Fler företag | 50 per år\nBättre klimat",
        meetingStartsAt: ["2025-06-12T09:30", ""],
        meetingTitle: ["Vårmöte", ""],
        meetingPlace: ["Stadshuset", ""],
      }),
    );
    expect(created.ok && created.tags.sort()).toEqual(
      [tags.network("regionala-natverket"), tags.networks, tags.organisation("lerum"), tags.organisation("stenungsund"), tags.topic("kompetens"), tags.person("pia-samordnare")].sort(),
    );
    const { id } = ok(created);
    const stored = await db().network.findUniqueOrThrow({ where: { id }, include: { goals: { orderBy: { position: "asc" } }, meetings: true, members: true } });
    expect(stored.goals.map((g) => [g.label, g.target])).toEqual([["Fler företag", "50 per år"], ["Bättre klimat", null]]);
    expect(stored.meetings.map((m) => [m.startsAt.toISOString(), m.title, m.place])).toEqual([["2025-06-12T07:30:00.000Z", "Vårmöte", "Stadshuset"]]);
    expect(stored.members).toHaveLength(2);
    expect(await lastAudit()).toMatchObject({ action: "network.create", entityId: id });

    // The form shows the body as the same text, and saving it unchanged keeps the document.
    const edit = (await getNetworkForEdit(db(), id))!;
    expect(edit.body).toBe(body);
    expect(edit.meetings).toEqual([{ startsAt: "2025-06-12T09:30", title: "Vårmöte", place: "Stadshuset" }]);
    const unchanged = { ...networkInput(edit), id, coordinatorId: edit.coordinatorId ?? "", meetingStartsAt: edit.meetings.map((m) => m.startsAt), meetingTitle: edit.meetings.map((m) => m.title), meetingPlace: edit.meetings.map((m) => m.place) };
    ok(await updateNetwork(db(), admin, unchanged));
    expect((await db().network.findUniqueOrThrow({ where: { id } })).body).toEqual(stored.body);

    // Removing the meeting and adding another.
    const again = await updateNetwork(db(), admin, { ...networkInput(edit), id, meetingStartsAt: ["2025-06-12T09:30", "2025-12-01T18:00"], meetingTitle: ["Vårmöte", "Julmöte"], meetingPlace: ["Stadshuset", "Biblioteket"], meetingRemove: "0" });
    expect(again.ok).toBe(true);
    expect((await db().networkMeeting.findMany({ where: { networkId: id } })).map((m) => [m.title, m.startsAt.toISOString()])).toEqual([["Julmöte", "2025-12-01T17:00:00.000Z"]]);
    expect(await updateNetwork(db(), admin, { ...networkInput(edit), id, meetingStartsAt: "2025-02-30T10:00", meetingTitle: "", meetingPlace: "Här" })).toMatchObject({
      ok: false,
      fieldErrors: { "meetings.0.startsAt": expect.any(String), "meetings.0.title": expect.any(String) },
    });
  });

  it("keeps editors to networks of their organisations, on the stored network and on the new values", async () => {
    const refused = await createNetwork(db(), editorA, networkInput({ name: "Annans nätverk", ownerId: orgB.id, memberIds: [orgB.id] }));
    expect(refused).toMatchObject({ ok: false, fieldErrors: { ownerId: expect.stringMatching(/dina organisationer/) } });
    expect(await db().network.count({ where: { slug: "annans-natverk" } })).toBe(0);

    const asMember = ok(await createNetwork(db(), editorA, networkInput({ name: "Gemensamt nätverk", ownerId: orgB.id, memberIds: [orgA.id] })));
    const leaveOwn = await updateNetwork(db(), editorA, networkInput({ id: asMember.id, name: "Gemensamt nätverk", ownerId: orgB.id, memberIds: [] }));
    expect(leaveOwn).toMatchObject({ ok: false, fieldErrors: { memberIds: expect.any(String) } });

    const others = ok(await createNetwork(db(), admin, networkInput({ name: "Bara Stenungsund", ownerId: orgB.id })));
    await expect(updateNetwork(db(), editorA, networkInput({ id: others.id, name: "Bara Stenungsund", ownerId: orgA.id }))).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deleteNetwork(db(), editorA, { id: others.id, confirm: "ja" })).rejects.toBeInstanceOf(ForbiddenError);
    expect((await db().network.findUniqueOrThrow({ where: { id: others.id } })).ownerId).toBe(orgB.id);

    const editorWithout = await createActor(db(), { role: "EDITOR", organisationIds: [] });
    await expect(createNetwork(db(), editorWithout, networkInput({ name: "Inget" }))).rejects.toBeInstanceOf(ForbiddenError);

    expect(await createNetwork(db(), admin, networkInput({ name: "Bara Stenungsund", ownerId: orgB.id }))).toMatchObject({ ok: false, fieldErrors: { slug: expect.any(String) } });
    expect(await createNetwork(db(), admin, networkInput({ name: "Med bild", body: "![Bild](/media/abc.webp)" }))).toMatchObject({ ok: false, fieldErrors: { body: expect.any(String) } });

    const deleted = await deleteNetwork(db(), editorA, { id: asMember.id, confirm: "ja" });
    expect(deleted.ok && deleted.tags.sort()).toEqual([tags.network("gemensamt-natverk"), tags.networks, tags.organisation("lerum"), tags.organisation("stenungsund")].sort());
    expect(await lastAudit()).toMatchObject({ action: "network.delete", entityId: asMember.id, actorEmail: "redaktor@test.local" });
  });
});

describe("network bodies as text", () => {
  it("turn every demo network body into text and back without a change", async () => {
    const dir = "content/networks";
    for (const file of await readdir(dir)) {
      const markdown = (await readFile(path.join(dir, file), "utf8")).replace(/^---\n[\s\S]*?\n---\n/, "");
      const doc = markdownToDoc(markdown);
      const back = bodyTextToDoc(docToBodyText(doc));
      expect(back, file).toEqual({ ok: true, doc });
    }
  });

  it("refuse a link the renderer would not render, saying why", async () => {
    for (const text of ["Läs [här](javascript:alert(1)).", "[Ansök](data:text/html;base64,PGI+) nu"]) expect(bodyTextToDoc(text), text).toEqual({ ok: false, message: UNSAFE_LINK });
    expect(bodyTextToDoc("[Ansök](https://www.lerum.se/ansok) nu").ok).toBe(true);
    expect(await createNetwork(db(), admin, networkInput({ body: "[Klicka](javascript:alert(1))" }))).toMatchObject({ ok: false, fieldErrors: { body: UNSAFE_LINK } });
  });

  it("keeps characters that look like Markdown as plain text", () => {
    const doc = { type: "doc" as const, content: [{ type: "paragraph" as const, content: [{ type: "text" as const, text: "2024. Kostnad *inte* [klar] - 5_000 kr" }] }] };
    expect(bodyTextToDoc(docToBodyText(doc))).toEqual({ ok: true, doc });
  });

  it("recognises a unique index refusal from the database driver", async () => {
    const err = await db().topic.create({ data: { slug: "kompetens", name: "Dubblett" } }).catch((e: unknown) => e);
    expect(isUniqueViolation(err)).toBe(true);
  });
});

describe("organisations and settings", () => {
  it("lets only administrators manage them", async () => {
    const created = await addOrganisation(db(), admin, { name: "Tjörns kommun", shortName: "Tjörn", kind: "MUNICIPALITY", county: "Västra Götalands län", municipalityCode: "1407", website: "https://tjorn.se", description: "", slug: "" });
    expect(created).toMatchObject({ ok: true, tags: [tags.organisation("tjorn"), tags.organisations] });
    const { id } = ok(created);
    expect(await lastAudit()).toMatchObject({ action: "organisation.create", entityId: id });

    await expect(addOrganisation(db(), editorA, { name: "X", kind: "COMPANY" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateOrganisation(db(), editorA, { id: orgA.id, name: "X", kind: "COMPANY" })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(updateSettings(db(), editorA, { siteName: "X", footerOrganisation: "Y" })).rejects.toBeInstanceOf(ForbiddenError);

    expect(await addOrganisation(db(), admin, { name: "Tjörn igen", shortName: "Tjörn", kind: "MUNICIPALITY", municipalityCode: "1407" })).toMatchObject({
      ok: false,
      fieldErrors: { slug: expect.stringMatching(/används redan/), municipalityCode: expect.any(String) },
    });
    expect(await addOrganisation(db(), admin, { name: "Fel", kind: "PLANET", website: "tjorn.se" })).toMatchObject({ ok: false, fieldErrors: { kind: expect.any(String), website: expect.any(String) } });

    const renamed = await updateOrganisation(db(), admin, { id, name: "Tjörns kommun", shortName: "Tjörn", kind: "MUNICIPALITY", municipalityCode: "1407", slug: "tjorns-kommun" });
    expect(renamed.ok && renamed.tags).toEqual(expect.arrayContaining([tags.organisation("tjorn"), tags.organisation("tjorns-kommun"), tags.organisations]));

    const settings = await updateSettings(db(), admin, { siteName: "Näringslivsnytt", tagline: "", footerOrganisation: "Göteborgsregionen", email: "info@example.se" });
    expect(settings).toMatchObject({ ok: true, tags: [tags.settings] });
    expect(await db().siteSettings.findUniqueOrThrow({ where: { id: 1 } })).toMatchObject({ siteName: "Näringslivsnytt", tagline: null, email: "info@example.se" });
    expect(await lastAudit()).toMatchObject({ action: "settings.update", actorEmail: "admin@test.local" });
    expect(await updateSettings(db(), admin, { siteName: "", footerOrganisation: "G", email: "inte-en-adress" })).toMatchObject({ ok: false, fieldErrors: { siteName: expect.any(String), email: expect.any(String) } });
  });

  it("refuses to delete an organisation that owns a network or has stories", async () => {
    const owner = ok(await addOrganisation(db(), admin, { name: "Ägarkommunen", kind: "MUNICIPALITY" }));
    const network = ok(await createNetwork(db(), admin, networkInput({ name: "Ägarens nätverk", ownerId: owner.id })));
    const refused = await deleteOrganisation(db(), admin, { id: owner.id, confirm: "ja" });
    expect(refused).toMatchObject({ ok: false, error: expect.stringMatching(/äger nätverket Ägarens nätverk/) });
    expect(await db().organisation.count({ where: { id: owner.id } })).toBe(1);

    expect((await deleteNetwork(db(), admin, { id: network.id, confirm: "ja" })).ok).toBe(true);
    await createStory(db(), { slug: "om-agarkommunen", organisationIds: [owner.id] });
    expect(await deleteOrganisation(db(), admin, { id: owner.id, confirm: "ja" })).toMatchObject({ ok: false, error: expect.stringMatching(/1 artikel/) });

    const empty = ok(await addOrganisation(db(), admin, { name: "Tomma bolaget", kind: "COMPANY" }));
    const deleted = await deleteOrganisation(db(), admin, { id: empty.id, confirm: "ja" });
    expect(deleted.ok && deleted.tags).toEqual(expect.arrayContaining([tags.organisation("tomma-bolaget"), tags.organisations]));
    expect(await lastAudit()).toMatchObject({ action: "organisation.delete", entityId: empty.id });
  });
});

describe("writers", () => {
  it("are refused every entity mutation", async () => {
    const person = await createPerson(db(), { organisationId: orgA.id });
    const topic = await createTopic(db());
    const series = ok(await createSeries(db(), admin, { name: "Skribentserien" }));
    const network = ok(await createNetwork(db(), admin, networkInput({ name: "Skribentnätverket", ownerId: orgA.id })));
    const attempts: [string, () => Promise<unknown>][] = [
      ["createPerson", () => addPerson(db(), writerA, { name: "X", organisationId: orgA.id })],
      ["updatePerson", () => updatePerson(db(), writerA, { id: person.id, name: "X", organisationId: orgA.id })],
      ["deletePerson", () => deletePerson(db(), writerA, { id: person.id, confirm: "ja" })],
      ["createTopic", () => addTopic(db(), writerA, { name: "X" })],
      ["updateTopic", () => updateTopic(db(), writerA, { id: topic.id, name: "X" })],
      ["deleteTopic", () => deleteTopic(db(), writerA, { id: topic.id, confirm: "ja" })],
      ["createSeries", () => createSeries(db(), writerA, { name: "X" })],
      ["updateSeries", () => updateSeries(db(), writerA, { id: series.id, name: "X" })],
      ["deleteSeries", () => deleteSeries(db(), writerA, { id: series.id, confirm: "ja" })],
      ["createNetwork", () => createNetwork(db(), writerA, networkInput({ name: "X" }))],
      ["updateNetwork", () => updateNetwork(db(), writerA, networkInput({ id: network.id, name: "X" }))],
      ["deleteNetwork", () => deleteNetwork(db(), writerA, { id: network.id, confirm: "ja" })],
      ["createOrganisation", () => addOrganisation(db(), writerA, { name: "X", kind: "COMPANY" })],
      ["updateOrganisation", () => updateOrganisation(db(), writerA, { id: orgA.id, name: "X", kind: "COMPANY" })],
      ["deleteOrganisation", () => deleteOrganisation(db(), writerA, { id: orgA.id, confirm: "ja" })],
      ["updateSettings", () => updateSettings(db(), writerA, { siteName: "X", footerOrganisation: "Y" })],
    ];
    const registered = [personCommands, topicCommands, seriesCommands, networkCommands, organisationCommands, settingsCommands].flatMap((r) => Object.keys(r));
    expect(attempts.map(([name]) => name).sort()).toEqual(registered.sort());
    const audits = await db().auditLog.count();
    for (const [name, attempt] of attempts) {
      await expect(attempt(), name).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await db().auditLog.count()).toBe(audits);
    expect(await db().person.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ name: person.name });
    expect(await db().organisation.findUniqueOrThrow({ where: { id: orgA.id } })).toMatchObject({ name: "Lerums kommun" });
  });
});
