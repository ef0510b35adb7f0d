import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { personSchema, type PersonInput } from "@/lib/validation/entities";
import {
  confirmed,
  idOf,
  isUniqueViolation,
  NOT_CONFIRMED,
  NOT_FOUND,
  parseOrInvalid,
  publishedStoryTags,
  SLUG_EMPTY,
  SLUG_TAKEN,
  slugFrom,
  unique,
  type CommandContext,
} from "./shared";

// People in the newsroom: interviewees, authors and network coordinators. Editors manage the
// people of their own organisations and people without one; administrators everyone.

const OWN_ORGANISATION = "Välj en av dina egna organisationer, eller ingen organisation.";

export type PersonRow = { id: string; slug: string; name: string; title: string | null; organisation: { id: string; name: string } | null };

export async function listAdminPeople(client: PrismaClient, opts: { q?: string; organisationId?: string; page: number; pageSize: number }): Promise<{ rows: PersonRow[]; total: number }> {
  const where: Prisma.PersonWhereInput = {
    ...(opts.q ? { name: { contains: opts.q, mode: "insensitive" } } : {}),
    ...(opts.organisationId ? { organisationId: opts.organisationId } : {}),
  };
  const [rows, total] = await Promise.all([
    client.person.findMany({
      where,
      select: { id: true, slug: true, name: true, title: true, organisation: { select: { id: true, name: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    client.person.count({ where }),
  ]);
  return { rows, total };
}

export type PersonEdit = { id: string; slug: string; name: string; title: string | null; organisationId: string | null; bio: string | null };

export async function getPersonForEdit(client: PrismaClient, id: string): Promise<PersonEdit | null> {
  return client.person.findUnique({ where: { id }, select: { id: true, slug: true, name: true, title: true, organisationId: true, bio: true } });
}

/** People to pick from (network coordinators), with their organisation to tell namesakes apart. */
export async function listPersonChoices(client: PrismaClient): Promise<{ id: string; name: string }[]> {
  const rows = await client.person.findMany({ select: { id: true, name: true, organisation: { select: { name: true } } }, orderBy: [{ name: "asc" }, { id: "asc" }] });
  return rows.map((p) => ({ id: p.id, name: p.organisation ? `${p.name} (${p.organisation.name})` : p.name }));
}

/** Where a person appears: stories block deletion, coordinated networks just lose their coordinator. */
export async function getPersonUsage(client: PrismaClient, id: string): Promise<{ stories: number; networks: string[] }> {
  const [stories, networks] = await Promise.all([
    client.story.count({ where: { OR: [{ authorId: id }, { interviewees: { some: { personId: id } } }, { people: { some: { personId: id } } }] } }),
    client.network.findMany({ where: { coordinatorId: id }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return { stories, networks: networks.map((n) => n.name) };
}

/** Field errors for the organisation and slug the person would get. */
async function checkValues(client: PrismaClient, actor: Actor, data: PersonInput, slug: string | null, selfId?: string): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  if (data.organisationId) {
    if (!(await client.organisation.findUnique({ where: { id: data.organisationId }, select: { id: true } }))) errors.organisationId = "Organisationen finns inte längre.";
    else if (!can(actor, "person.manage", { organisationId: data.organisationId })) errors.organisationId = OWN_ORGANISATION;
  }
  if (!slug) errors.slug = SLUG_EMPTY;
  else if (await client.person.findFirst({ where: { slug, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } })) errors.slug = SLUG_TAKEN;
  return errors;
}

const organisationSlug = async (client: Prisma.TransactionClient, id: string | null) =>
  id ? ((await client.organisation.findUnique({ where: { id }, select: { slug: true } }))?.slug ?? null) : null;

export async function createPerson(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  assertCan(actor, "person.manage", { organisationId: null });
  const parsed = parseOrInvalid(personSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.name);
  const errors = await checkValues(client, actor, data, slug);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      const person = await tx.person.create({ data: { slug, name: data.name, title: data.title, organisationId: data.organisationId, bio: data.bio }, select: { id: true, slug: true } });
      await audit(tx, { actor, action: "person.create", entityType: "person", entityId: person.id, summary: `Skapade personen ${data.name} (${slug})`, ip: ctx.ip });
      const org = await organisationSlug(tx, data.organisationId);
      return success(person, [tags.person(slug), tags.people, ...(org ? [tags.organisation(org)] : [])], "Personen är skapad.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function updatePerson(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  const id = idOf(input);
  const before = id ? await client.person.findUnique({ where: { id }, select: { id: true, slug: true, name: true, title: true, organisationId: true, organisation: { select: { slug: true } } } }) : null;
  if (!before) return failure(NOT_FOUND);
  assertCan(actor, "person.manage", { organisationId: before.organisationId });
  const parsed = parseOrInvalid(personSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.name);
  const errors = await checkValues(client, actor, data, slug, before.id);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      await tx.person.update({ where: { id: before.id }, data: { slug, name: data.name, title: data.title, organisationId: data.organisationId, bio: data.bio } });
      await audit(tx, { actor, action: "person.update", entityType: "person", entityId: before.id, summary: `Ändrade personen ${data.name} (${slug})`, ip: ctx.ip });
      const shownElsewhere = before.name !== data.name || before.slug !== slug || before.title !== data.title || before.organisationId !== data.organisationId;
      const org = await organisationSlug(tx, data.organisationId);
      const extra = shownElsewhere ? await dependentTags(tx, before.id) : [];
      return success(
        { id: before.id, slug },
        unique([
          tags.person(before.slug),
          tags.person(slug),
          ...(shownElsewhere ? [tags.people] : []),
          ...(before.organisation ? [tags.organisation(before.organisation.slug)] : []),
          ...(org ? [tags.organisation(org)] : []),
          ...extra,
        ]),
        "Ändringarna är sparade.",
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function deletePerson(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const id = idOf(input);
  const person = id ? await client.person.findUnique({ where: { id }, select: { id: true, slug: true, name: true, organisationId: true, organisation: { select: { slug: true } } } }) : null;
  if (!person) return failure(NOT_FOUND);
  assertCan(actor, "person.manage", { organisationId: person.organisationId });
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  const usage = await getPersonUsage(client, person.id);
  if (usage.stories > 0) {
    return failure(`${person.name} förekommer i ${usage.stories} ${usage.stories === 1 ? "artikel" : "artiklar"} och kan inte tas bort. Ta först bort personen från artiklarna.`);
  }
  return client.$transaction(async (tx) => {
    const extra = await dependentTags(tx, person.id);
    await tx.person.delete({ where: { id: person.id } });
    await audit(tx, { actor, action: "person.delete", entityType: "person", entityId: person.id, summary: `Tog bort personen ${person.name} (${person.slug})`, ip: ctx.ip });
    return success(null, unique([tags.person(person.slug), tags.people, ...(person.organisation ? [tags.organisation(person.organisation.slug)] : []), ...extra]), "Personen är borttagen.");
  });
}

/** Pages that show the person's name: the networks they coordinate and their published stories. */
async function dependentTags(client: Prisma.TransactionClient, personId: string): Promise<string[]> {
  const networks = await client.network.findMany({ where: { coordinatorId: personId }, select: { slug: true } });
  const stories = await publishedStoryTags(client, { OR: [{ authorId: personId }, { interviewees: { some: { personId } } }, { people: { some: { personId } } }] });
  return [...networks.map((n) => tags.network(n.slug)), ...stories];
}

export const personCommands = { createPerson, updatePerson, deletePerson };
