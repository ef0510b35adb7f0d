import { beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { bulkStoryStep, publishStory, saveStory } from "@/lib/db/editorial";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { createActor, createOrganisation, storyFieldsInput } from "../factories";

// The accessibility check's gate on the server: publishing and scheduling a story whose saved
// text has errors is refused with the findings, unless an editor gives a reason, which the
// audit log keeps; warnings never block. The editor's live panel runs the same function.

let lerum: { id: string };
let editor: Actor;

const vagueLink: RichTextDoc = {
  type: "doc",
  content: [{ type: "paragraph", content: [{ type: "text", text: "Programmet finns på webben. " }, { type: "text", text: "Klicka här", marks: [{ type: "link", attrs: { href: "https://lerum.se/program" } }] }] }],
};
const capitals: RichTextDoc = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "ALLA FÖRETAGARE ÄR VÄLKOMNA PÅ TORSDAG" }] }] };

beforeAll(async () => {
  lerum = await createOrganisation(db());
  editor = await createActor(db(), { role: "EDITOR", organisationIds: [lerum.id] });
});

async function draft(body: RichTextDoc, pageOwner: string | null = "Näringslivsenheten") {
  const r = await saveStory(db(), editor, { id: null, version: 0, fields: storyFieldsInput({ organisationIds: [lerum.id], body, pageOwner }) });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
}

const overrides = (id: string) => db().auditLog.findMany({ where: { entityId: id, action: "story.publish-override" } });

describe("publishing past the accessibility check", () => {
  it("refuses a story with an error and names it, publishing nothing", async () => {
    const s = await draft(vagueLink);
    const result = await publishStory(db(), editor, { id: s.id });
    expect(result).toMatchObject({ ok: false, error: expect.stringContaining("Länktexten ”Klicka här” säger inte vart länken går.") });
    expect((await db().story.findUniqueOrThrow({ where: { id: s.id } })).status).toBe("DRAFT");
  });

  it("refuses scheduling the same way, and a reason that is too short", async () => {
    const s = await draft(vagueLink);
    const at = new Date(Date.now() + 86_400_000).toISOString();
    expect(await publishStory(db(), editor, { id: s.id, at })).toMatchObject({ ok: false, error: expect.stringContaining("Tillgänglighetskontrollen") });
    expect(await publishStory(db(), editor, { id: s.id, at, overrideReason: "brådis" })).toMatchObject({ ok: false, fieldErrors: { overrideReason: expect.stringContaining("motivering") } });
    expect(await overrides(s.id)).toHaveLength(0);
  });

  it("publishes with a reason and audits the reason and what it overrode", async () => {
    const s = await draft(vagueLink);
    const result = await publishStory(db(), editor, { id: s.id, overrideReason: "Länken byts ut när kommunens sida är klar i morgon." });
    expect(result).toMatchObject({ ok: true, value: { status: "PUBLISHED" } });
    const [entry] = await overrides(s.id);
    expect(entry).toMatchObject({ actorEmail: editor.email, summary: expect.stringContaining("link-text:0") });
    expect(entry?.summary).toContain("Motivering: Länken byts ut när kommunens sida är klar i morgon.");
  });

  it("lets warnings through (capitals, no page owner) without an override", async () => {
    const s = await draft(capitals, null);
    expect(await publishStory(db(), editor, { id: s.id })).toMatchObject({ ok: true });
    expect(await overrides(s.id)).toHaveLength(0);
  });

  it("checks the hero image's alt text from the media library", async () => {
    const media = await db().media.create({ data: { storageKey: `${"ab".repeat(16)}.webp`, mime: "image/webp", width: 10, height: 10, sizeBytes: 10, alt: "IMG_2044.JPG" } });
    const r = await saveStory(db(), editor, { id: null, version: 0, fields: storyFieldsInput({ organisationIds: [lerum.id], heroImageId: media.id, pageOwner: "Näringslivsenheten" }) });
    if (!r.ok) throw new Error(JSON.stringify(r));
    expect(await publishStory(db(), editor, { id: r.value.id })).toMatchObject({ ok: false, error: expect.stringContaining("Huvudbildens alternativtext ”IMG_2044.JPG” ser ut som ett filnamn.") });
  });

  it("keeps a story with errors out of a bulk publish, with the reason in the answer", async () => {
    const bad = await draft(vagueLink);
    const good = await draft({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "En vanlig text." }] }] });
    const result = await bulkStoryStep(db(), editor, { step: "publish", ids: [bad.id, good.id] });
    expect(result).toMatchObject({ ok: true, value: { done: [good.id], refused: [{ id: bad.id, reason: expect.stringContaining("Tillgänglighetskontrollen hittade ett fel") }] } });
    expect((await db().story.findUniqueOrThrow({ where: { id: good.id } })).status).toBe("PUBLISHED");
    expect((await db().story.findUniqueOrThrow({ where: { id: bad.id } })).status).toBe("DRAFT");
  });
});
