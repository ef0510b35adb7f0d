import "server-only";
import type { NetworkKind, Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, can, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import type { RichTextDoc } from "@/lib/rich-text/schema";
import { dateToStockholmLocal, goalsToText, networkSchema, type NetworkFormValues, type NetworkInput } from "@/lib/validation/entities";
import { bodyTextToDoc, docToBodyText } from "./network-body";
import { confirmed, idOf, isUniqueViolation, NOT_CONFIRMED, NOT_FOUND, parseOrInvalid, publishedStoryTags, SLUG_EMPTY, SLUG_TAKEN, slugFrom, unique, type CommandContext } from "./shared";

// Networks, programmes and projects. An editor manages those their organisations own or
// belong to, and may not save one that leaves all of their organisations out: the check runs
// on the stored network (may I touch it?) and on the new values (may it look like this?).

const OWN_ORGANISATION = "Minst en av dina organisationer måste vara ägare eller medlem.";

export type NetworkRow = { id: string; slug: string; name: string; kind: NetworkKind; owner: { id: string; name: string }; organisationIds: string[] };

export async function listAdminNetworks(
  client: PrismaClient,
  opts: { q?: string; kind?: NetworkKind; ownerId?: string; page: number; pageSize: number },
): Promise<{ rows: NetworkRow[]; total: number }> {
  const where: Prisma.NetworkWhereInput = {
    ...(opts.q ? { name: { contains: opts.q, mode: "insensitive" } } : {}),
    ...(opts.kind ? { kind: opts.kind } : {}),
    ...(opts.ownerId ? { ownerId: opts.ownerId } : {}),
  };
  const [rows, total] = await Promise.all([
    client.network.findMany({
      where,
      select: { id: true, slug: true, name: true, kind: true, owner: { select: { id: true, name: true } }, members: { select: { organisationId: true } } },
      orderBy: [{ name: "asc" }, { id: "asc" }],
      skip: (opts.page - 1) * opts.pageSize,
      take: opts.pageSize,
    }),
    client.network.count({ where }),
  ]);
  return { rows: rows.map(({ members, ...n }) => ({ ...n, organisationIds: [n.owner.id, ...members.map((m) => m.organisationId)] })), total };
}

export type NetworkEdit = NetworkFormValues & { id: string };

export async function getNetworkForEdit(client: PrismaClient, id: string): Promise<NetworkEdit | null> {
  const n = await client.network.findUnique({
    where: { id },
    include: {
      members: { select: { organisationId: true } },
      topics: { select: { topicId: true } },
      goals: { orderBy: { position: "asc" } },
      meetings: { orderBy: { startsAt: "asc" } },
    },
  });
  if (!n) return null;
  return {
    id: n.id,
    slug: n.slug,
    name: n.name,
    kind: n.kind,
    summary: n.summary,
    body: docToBodyText(n.body as unknown as RichTextDoc),
    ownerId: n.ownerId,
    memberIds: n.members.map((m) => m.organisationId),
    topicIds: n.topics.map((t) => t.topicId),
    coordinatorId: n.coordinatorId,
    externalUrl: n.externalUrl,
    goals: goalsToText(n.goals),
    meetings: n.meetings.map((m) => ({ startsAt: dateToStockholmLocal(m.startsAt), title: m.title, place: m.place })),
  };
}

export async function getNetworkUsage(client: PrismaClient, id: string): Promise<{ stories: number }> {
  return { stories: await client.storyNetwork.count({ where: { networkId: id } }) };
}

type Checked = { doc: RichTextDoc; slug: string; organisations: { slug: string }[]; topics: { slug: string }[]; coordinator: { slug: string } | null };

/** Everything the new values refer to must exist and include one of the editor's organisations. */
async function check(client: PrismaClient, actor: Actor, data: NetworkInput, selfId?: string): Promise<{ ok: true; value: Checked } | { ok: false; errors: Record<string, string> }> {
  const errors: Record<string, string> = {};
  const organisationIds = unique([data.ownerId, ...data.memberIds]);
  const [organisations, topics, coordinator] = await Promise.all([
    client.organisation.findMany({ where: { id: { in: organisationIds } }, select: { id: true, slug: true } }),
    client.topic.findMany({ where: { id: { in: data.topicIds } }, select: { slug: true } }),
    data.coordinatorId ? client.person.findUnique({ where: { id: data.coordinatorId }, select: { slug: true } }) : null,
  ]);
  if (!organisations.some((o) => o.id === data.ownerId)) errors.ownerId = "Organisationen finns inte längre.";
  if (organisations.length < organisationIds.length && !errors.ownerId) errors.memberIds = "En av de valda organisationerna finns inte längre.";
  if (topics.length < data.topicIds.length) errors.topicIds = "Ett av de valda ämnena finns inte längre.";
  if (data.coordinatorId && !coordinator) errors.coordinatorId = "Personen finns inte längre.";
  if (!can(actor, "network.manage", { organisationIds })) errors.ownerId = errors.memberIds = OWN_ORGANISATION;
  const body = bodyTextToDoc(data.body);
  if (!body.ok) errors.body = body.message;
  const slug = slugFrom(data.slug, data.name);
  if (!slug) errors.slug = SLUG_EMPTY;
  else if (await client.network.findFirst({ where: { slug, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } })) errors.slug = SLUG_TAKEN;
  if (Object.keys(errors).length || !body.ok || !slug) return { ok: false, errors };
  return { ok: true, value: { doc: body.doc, slug, organisations, topics, coordinator } };
}

function writeData(data: NetworkInput, value: Checked) {
  return {
    slug: value.slug,
    name: data.name,
    kind: data.kind,
    summary: data.summary,
    body: value.doc as unknown as Prisma.InputJsonValue,
    ownerId: data.ownerId,
    coordinatorId: data.coordinatorId,
    externalUrl: data.externalUrl,
    members: { create: data.memberIds.map((organisationId) => ({ organisationId })) },
    topics: { create: data.topicIds.map((topicId) => ({ topicId })) },
    goals: { create: data.goals.map((g, position) => ({ position, label: g.label, target: g.target })) },
    meetings: { create: data.meetings },
  };
}

/** The entity pages that list the network: its organisations, topics and coordinator. */
function relatedTags(v: { organisations: { slug: string }[]; topics: { slug: string }[]; coordinator: { slug: string } | null }): string[] {
  return [...v.organisations.map((o) => tags.organisation(o.slug)), ...v.topics.map((t) => tags.topic(t.slug)), ...(v.coordinator ? [tags.person(v.coordinator.slug)] : [])];
}

const storedSelect = {
  id: true,
  slug: true,
  name: true,
  owner: { select: { id: true, slug: true } },
  members: { select: { organisation: { select: { id: true, slug: true } } } },
  topics: { select: { topic: { select: { slug: true } } } },
  coordinator: { select: { slug: true } },
} satisfies Prisma.NetworkSelect;

async function loadStored(client: PrismaClient, input: unknown) {
  const id = idOf(input);
  const n = id ? await client.network.findUnique({ where: { id }, select: storedSelect }) : null;
  if (!n) return null;
  const organisations = [n.owner, ...n.members.map((m) => m.organisation)];
  return { ...n, organisations, organisationIds: organisations.map((o) => o.id), topics: n.topics.map((t) => t.topic) };
}

export async function createNetwork(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  // May this actor manage any network at all (one of their own organisations')?
  assertCan(actor, "network.manage", { organisationIds: actor.organisationIds });
  const parsed = parseOrInvalid(networkSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const checked = await check(client, actor, data);
  if (!checked.ok) return invalid(checked.errors);
  const value = checked.value;
  try {
    return await client.$transaction(async (tx) => {
      const network = await tx.network.create({ data: writeData(data, value), select: { id: true, slug: true } });
      await audit(tx, { actor, action: "network.create", entityType: "network", entityId: network.id, summary: `Skapade nätverket ${data.name} (${value.slug})`, ip: ctx.ip });
      return success(network, unique([tags.network(value.slug), tags.networks, ...relatedTags(value)]), "Nätverket är skapat.");
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function updateNetwork(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
  const before = await loadStored(client, input);
  if (!before) return failure(NOT_FOUND);
  assertCan(actor, "network.manage", { organisationIds: before.organisationIds });
  const parsed = parseOrInvalid(networkSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  const checked = await check(client, actor, data, before.id);
  if (!checked.ok) return invalid(checked.errors);
  const value = checked.value;
  try {
    return await client.$transaction(async (tx) => {
      const where = { networkId: before.id };
      await tx.networkMember.deleteMany({ where });
      await tx.networkTopic.deleteMany({ where });
      await tx.networkGoal.deleteMany({ where });
      await tx.networkMeeting.deleteMany({ where });
      await tx.network.update({ where: { id: before.id }, data: writeData(data, value) });
      await audit(tx, { actor, action: "network.update", entityType: "network", entityId: before.id, summary: `Ändrade nätverket ${data.name} (${value.slug})`, ip: ctx.ip });
      // Story pages link the network by name.
      const stories = before.name !== data.name || before.slug !== value.slug ? await publishedStoryTags(tx, { networks: { some: { networkId: before.id } } }) : [];
      return success(
        { id: before.id, slug: value.slug },
        unique([tags.network(before.slug), tags.network(value.slug), tags.networks, ...relatedTags(before), ...relatedTags(value), ...stories]),
        "Ändringarna är sparade.",
      );
    });
  } catch (err) {
    if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
    throw err;
  }
}

export async function deleteNetwork(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  const network = await loadStored(client, input);
  if (!network) return failure(NOT_FOUND);
  assertCan(actor, "network.manage", { organisationIds: network.organisationIds });
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  return client.$transaction(async (tx) => {
    const stories = await publishedStoryTags(tx, { networks: { some: { networkId: network.id } } });
    await tx.network.delete({ where: { id: network.id } });
    await audit(tx, { actor, action: "network.delete", entityType: "network", entityId: network.id, summary: `Tog bort nätverket ${network.name} (${network.slug})`, ip: ctx.ip });
    return success(null, unique([tags.network(network.slug), tags.networks, ...relatedTags(network), ...stories]), "Nätverket är borttaget.");
  });
}

export const networkCommands = { createNetwork, updateNetwork, deleteNetwork };
