import type { PrismaClient } from "@/generated/prisma/client";
import { insertStory, type StorySeed } from "@/lib/db/seed";
import type { Actor } from "@/lib/auth/permissions";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { emptyStoryFields, type StoryFieldsInput } from "@/lib/validation/story";

// Test data builders. Stories go through the seed's own insertStory, so tests and demo
// content create records the same way.

let n = 0;
const next = () => ++n;

export function paragraphDoc(text: string): RichTextDoc {
  return { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] };
}

export async function createOrganisation(client: PrismaClient, over: Partial<{ slug: string; name: string; kind: "MUNICIPALITY" | "ASSOCIATION"; county: string | null }> = {}) {
  const i = next();
  return client.organisation.create({
    data: { slug: over.slug ?? `kommun-${i}`, name: over.name ?? `Testkommun ${i}`, kind: over.kind ?? "MUNICIPALITY", county: over.county ?? "Testlän" },
  });
}

export async function createTopic(client: PrismaClient, over: Partial<{ slug: string; name: string }> = {}) {
  const i = next();
  return client.topic.create({ data: { slug: over.slug ?? `amne-${i}`, name: over.name ?? `Ämne ${i}` } });
}

export async function createPerson(client: PrismaClient, over: Partial<{ slug: string; name: string; organisationId: string }> = {}) {
  const i = next();
  return client.person.create({ data: { slug: over.slug ?? `person-${i}`, name: over.name ?? `Person ${i}`, organisationId: over.organisationId ?? null } });
}

export function buildStory(over: Partial<StorySeed> = {}): StorySeed {
  const i = next();
  return {
    kind: "NEWS",
    title: `Testnyhet ${i}`,
    slug: `testnyhet-${i}`,
    lead: `Ingress till testnyhet ${i}.`,
    body: paragraphDoc(`Brödtext ${i}.`),
    status: "PUBLISHED",
    publishedAt: new Date(Date.UTC(2024, 0, 1) + i * 3_600_000),
    ...over,
  };
}

export async function createStory(client: PrismaClient, over: Partial<StorySeed> = {}) {
  const seed = buildStory(over);
  const { id } = await insertStory(client, seed);
  return { id, ...seed };
}

/** A staff account in the database and the Actor the permission rules see for it. */
export async function createActor(client: PrismaClient, over: Partial<{ role: "ADMIN" | "EDITOR" | "WRITER"; organisationIds: string[]; email: string; name: string }> = {}): Promise<Actor> {
  const i = next();
  const role = over.role ?? "WRITER";
  const email = over.email ?? `staff-${i}-${role.toLowerCase()}@test.local`;
  const organisationIds = over.organisationIds ?? [];
  const user = await client.user.create({
    data: { id: `u${i}${Math.random().toString(36).slice(2, 10)}`, email, name: over.name ?? `Staff ${i}`, role, emailVerified: true, organisations: { create: organisationIds.map((organisationId) => ({ organisationId })) } },
  });
  return { id: user.id, email, name: user.name, role, organisationIds };
}

/** What the story editor sends: a complete, valid set of fields, with overrides. */
export function storyFieldsInput(over: Partial<StoryFieldsInput> = {}): StoryFieldsInput {
  const i = next();
  return { ...emptyStoryFields(), title: `Nyhet från editorn ${i}`, lead: "En ingress som säger vad det handlar om.", body: paragraphDoc(`Brödtext ${i}.`), ...over };
}

/** Two municipalities with an administrator, an editor for each and a writer of Lerum: the usual cast of a per-organisation authorisation test. */
export async function createLerumAndAle(client: PrismaClient) {
  const lerum = await createOrganisation(client, { slug: "lerum", name: "Lerums kommun" });
  const ale = await createOrganisation(client, { slug: "ale", name: "Ale kommun" });
  return {
    lerum,
    ale,
    admin: await createActor(client, { role: "ADMIN", email: "admin@test.local" }),
    lerumEditor: await createActor(client, { role: "EDITOR", organisationIds: [lerum.id], email: "redaktor@lerum.se" }),
    aleEditor: await createActor(client, { role: "EDITOR", organisationIds: [ale.id], email: "redaktor@ale.se" }),
    writer: await createActor(client, { role: "WRITER", organisationIds: [lerum.id] }),
  };
}
