import "server-only";
import type { OrganisationKind, Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { organisationSchema, type OrganisationInput } from "@/lib/validation/entities";
import { confirmed, idOf, isUniqueViolation, NOT_CONFIRMED, NOT_FOUND, parseOrInvalid, publishedStoryTags, SLUG_EMPTY, SLUG_TAKEN, slugFrom, unique, type CommandContext } from "./shared";

// Municipalities and the other organisations stories concern: administrators only. One that
// owns a network or has stories cannot be deleted, since that would break those pages.

const CODE_TAKEN = "En annan organisation har redan den kommunkoden.";

export type OrganisationRow = { id: string; slug: string; name: string; shortName: string | null; kind: OrganisationKind; county: string | null };

export async function listAdminOrganisations(
  client: PrismaClient,
  opts: { q?: string; kind?: OrganisationKind; county?: string; page: number; pageSize: number },
): Promise<{ rows: OrganisationRow[]; total: number }> {
  const where: Prisma.OrganisationWhereInput = {
    ...(opts.q ? { OR: [{ name: { contains: opts.q, mode: "insensitive" } }, { shortName: { contains: opts.q, mode: "insensitive" } }] } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.county ? { county: opts.county } : {}),
  };
  const [rows, total] = await Promise.all([
    client.organisation.findMany({
      where,
      select: { id: true, slug: true, name: true, shortName: true, kind: true, county: true },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    client.organisation.count({ where }),
  ]);
  return { rows, total };
}

/** The counties organisations are in, for the list filter. */
export async function listCounties(client: PrismaClient): Promise<string[]> {
  const rows = await client.organisation.findMany({ where: { county: { not: null } }, distinct: ["county"], select: { county: true } });
  return rows.map((r) => r.county!).sort(new Intl.Collator("sv").compare);
}

/** Organisations to pick from in forms and filters, in Swedish order. */
export async function listOrganisationChoices(client: PrismaClient): Promise<{ id: string; name: string }[]> {
  return client.organisation.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export type OrganisationEdit = OrganisationRow & { municipalityCode: string | null; website: string | null; description: string | null };

export async function getOrganisationForEdit(client: PrismaClient, id: string): Promise<OrganisationEdit | null> {
  return client.organisation.findUnique({
    where: { id },
    select: { id: true, slug: true, name: true, shortName: true, kind: true, county: true, municipalityCode: true, website: true, description: true },
  });
}

export type OrganisationUsage = { ownedNetworks: string[]; stories: number; people: number; memberships: number; staff: number };

export async function getOrganisationUsage(client: PrismaClient, id: string): Promise<OrganisationUsage> {
  const row = await client.organisation.findUniqueOrThrow({
    where: { id },
    select: { ownedNetworks: { select: { name: true }, orderBy: { name: "asc" } }, _count: { select: { stories: true, people: true, memberships: true, staff: true } } },
  });
  return { ownedNetworks: row.ownedNetworks.map((n) => n.name), ...row._count };
}

async function uniqueErrors(client: PrismaClient, slug: string | null, code: string | null, selfId?: string): Promise<Record<string, string>> {
  const errors: Record<string, string> = {};
  const notSelf = selfId ? { id: { not: selfId } } : {};
  if (!slug) errors.slug = SLUG_EMPTY;
  else if (await client.organisation.findFirst({ where: { slug, ...notSelf }, select: { id: true } })) errors.slug = SLUG_TAKEN;
  if (code && (await client.organisation.findFirst({ where: { municipalityCode: code, ...notSelf }, select: { id: true } }))) errors.municipalityCode = CODE_TAKEN;
  return errors;
}

function raceErrors(err: unknown): Record<string, string> | null {
  if (!isUniqueViolation(err)) return null;
  return /municipality/.test(JSON.stringify((err as { meta?: unknown }).meta ?? "") + String(err)) ? { municipalityCode: CODE_TAKEN } : { slug: SLUG_TAKEN };
}

const writeData = (data: OrganisationInput, slug: string) => ({
  slug,
  name: data.name,
  shortName: data.shortName,
  kind: data.kind,
  county: data.county,
  municipalityCode: data.municipalityCode,
  website: data.website,
  description: data.description,
});

/** Pages that show the organisation's name: its people, networks, and published stories with their lists. */
async function dependentTags(client: Prisma.TransactionClient, organisationId: string): Promise<string[]> {
  const [people, networks] = await Promise.all([
    client.person.findMany({ where: { organisationId }, select: { slug: true } }),
    client.network.findMany({ where: { OR: [{ ownerId: organisationId }, { members: { some: { organisationId } } }] }, select: { slug: true } }),
  ]);
  const stories = await publishedStoryTags(client, { organisations: { some: { organisationId } } });
  return [...people.map((p) => tags.person(p.slug)), ...networks.map((n) => tags.network(n.slug)), tags.networks, ...(stories.length ? [tags.stories, ...stories] : [])];
}

export async function createOrganisation(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  assertCan(actor, "organisation.manage");
  const parsed = parseOrInvalid(organisationSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.shortName ?? data.name);
  const errors = await uniqueErrors(client, slug, data.municipalityCode);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: writeData(data, slug), select: { id: true, slug: true } });
      await audit(tx, { actor, action: "organisation.create", entityType: "organisation", entityId: org.id, summary: `Skapade organisationen ${data.name} (${slug})`, ip: ctx.ip });
      return success(org, [tags.organisation(slug), tags.organisations], "Organisationen är skapad.");
    });
  } catch (err) {
    const race = raceErrors(err);
    if (race) return invalid(race);
    throw err;
  }
}

export async function updateOrganisation(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  const id = idOf(input);
  const before = id ? await client.organisation.findUnique({ where: { id }, select: { id: true, slug: true, name: true, shortName: true, kind: true } }) : null;
  if (!before) return failure(NOT_FOUND);
  assertCan(actor, "organisation.manage");
  const parsed = parseOrInvalid(organisationSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const slug = slugFrom(data.slug, data.shortName ?? data.name);
  const errors = await uniqueErrors(client, slug, data.municipalityCode, before.id);
  if (Object.keys(errors).length || !slug) return invalid(errors);
  try {
    return await client.$transaction(async (tx) => {
      await tx.organisation.update({ where: { id: before.id }, data: writeData(data, slug) });
      await audit(tx, { actor, action: "organisation.update", entityType: "organisation", entityId: before.id, summary: `Ändrade organisationen ${data.name} (${slug})`, ip: ctx.ip });
      const shownElsewhere = before.name !== data.name || before.shortName !== data.shortName || before.slug !== slug || before.kind !== data.kind;
      const extra = shownElsewhere ? await dependentTags(tx, before.id) : [];
      return success({ id: before.id, slug }, unique([tags.organisation(before.slug), tags.organisation(slug), tags.organisations, ...extra]), "Ändringarna är sparade.");
    });
  } catch (err) {
    const race = raceErrors(err);
    if (race) return invalid(race);
    throw err;
  }
}

export async function deleteOrganisation(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const id = idOf(input);
  const org = id ? await client.organisation.findUnique({ where: { id }, select: { id: true, slug: true, name: true } }) : null;
  if (!org) return failure(NOT_FOUND);
  assertCan(actor, "organisation.manage");
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  const usage = await getOrganisationUsage(client, org.id);
  if (usage.ownedNetworks.length) {
    return failure(`${org.name} äger ${usage.ownedNetworks.length === 1 ? "nätverket" : "nätverken"} ${usage.ownedNetworks.join(", ")} och kan inte tas bort. Byt ägare på nätverket först.`);
  }
  if (usage.stories) {
    return failure(`${org.name} berörs av ${usage.stories} ${usage.stories === 1 ? "artikel" : "artiklar"} och kan inte tas bort. Ta först bort organisationen från artiklarna.`);
  }
  return client.$transaction(async (tx) => {
    const extra = await dependentTags(tx, org.id);
    await tx.organisation.delete({ where: { id: org.id } });
    await audit(tx, { actor, action: "organisation.delete", entityType: "organisation", entityId: org.id, summary: `Tog bort organisationen ${org.name} (${org.slug})`, ip: ctx.ip });
    return success(null, unique([tags.organisation(org.slug), tags.organisations, ...extra]), "Organisationen är borttagen.");
  });
}

export const organisationCommands = { createOrganisation, updateOrganisation, deleteOrganisation };
