import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/db/audit";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { taxonomySchema } from "@/lib/validation/entities";
import { confirmed, idOf, isUniqueViolation, NOT_CONFIRMED, NOT_FOUND, parseOrInvalid, SLUG_EMPTY, SLUG_TAKEN, slugFrom, unique, type CommandContext } from "./shared";

// Topics and series are the same kind of thing: a name, a description and a page address,
// shared by every organisation and managed by editors and administrators. One implementation
// of their list, form reads and commands, told which table, words and cache tags to use.

export type TaxonomyRow = { id: string; slug: string; name: string; stories: number };
export type TaxonomyEdit = { id: string; slug: string; name: string; description: string | null };

type Written = { slug: string; name: string; description: string | null };
const editSelect = { id: true, slug: true, name: true, description: true } as const;

/** The few calls the commands make on the table; both Prisma delegates (topic, series) fit. */
type TaxonomyTable = {
  findMany(args: {
    where: { name?: { contains: string; mode: "insensitive" } };
    select: { id: true; slug: true; name: true; _count: { select: { stories: true } } };
    orderBy: { name?: "asc"; id?: "asc" }[];
    skip: number;
    take: number;
  }): PromiseLike<{ id: string; slug: string; name: string; _count: { stories: number } }[]>;
  count(args: { where: { name?: { contains: string; mode: "insensitive" } } }): PromiseLike<number>;
  findUnique(args: { where: { id: string }; select: typeof editSelect }): PromiseLike<TaxonomyEdit | null>;
  findFirst(args: { where: { slug: string; id?: { not: string } }; select: { id: true } }): PromiseLike<{ id: string } | null>;
  create(args: { data: Written; select: { id: true; slug: true } }): PromiseLike<{ id: string; slug: string }>;
  update(args: { where: { id: string }; data: Written }): PromiseLike<unknown>;
  delete(args: { where: { id: string } }): PromiseLike<unknown>;
};

export type TaxonomyKind = {
  table: (client: PrismaClient | Prisma.TransactionClient) => TaxonomyTable;
  /** Audit action prefix and entity type: "topic", "series". */
  entityType: string;
  /** The word with its definite article, as in "Skapade ämnet …": "ämnet", "serien". */
  noun: string;
  created: string;
  deleted: string;
  /** The cache tag of one item's public page, and of the public index when there is one. */
  tag: (slug: string) => string;
  listTag?: string;
  /** Other public pages that show the item's name (its stories, networks). */
  dependentTags: (tx: Prisma.TransactionClient, id: string) => Promise<string[]>;
};

export function taxonomy(kind: TaxonomyKind) {
  const listTags = kind.listTag ? [kind.listTag] : [];

  async function list(client: PrismaClient, opts: { q?: string; page: number; pageSize: number }): Promise<{ rows: TaxonomyRow[]; total: number }> {
    const where = opts.q ? { name: { contains: opts.q, mode: "insensitive" as const } } : {};
    const [rows, total] = await Promise.all([
      kind.table(client).findMany({
        where,
        select: { id: true, slug: true, name: true, _count: { select: { stories: true } } },
        orderBy: [{ name: "asc" }, { id: "asc" }],
        skip: (opts.page - 1) * opts.pageSize,
        take: opts.pageSize,
      }),
      kind.table(client).count({ where }),
    ]);
    return { rows: rows.map(({ _count, ...t }) => ({ ...t, stories: _count.stories })), total };
  }

  async function getForEdit(client: PrismaClient, id: string): Promise<TaxonomyEdit | null> {
    return kind.table(client).findUnique({ where: { id }, select: editSelect });
  }

  async function slugError(client: PrismaClient, slug: string | null, selfId?: string): Promise<Record<string, string>> {
    if (!slug) return { slug: SLUG_EMPTY };
    const clash = await kind.table(client).findFirst({ where: { slug, ...(selfId ? { id: { not: selfId } } : {}) }, select: { id: true } });
    return clash ? { slug: SLUG_TAKEN } : {};
  }

  /** The validated fields to write, or the field errors to show. */
  async function checked(client: PrismaClient, input: unknown, selfId?: string): Promise<{ ok: true; data: Written } | { ok: false; result: CommandResult<never> }> {
    const parsed = parseOrInvalid(taxonomySchema, input);
    if (!parsed.ok) return parsed;
    const { name, description } = parsed.data;
    const slug = slugFrom(parsed.data.slug, name);
    const errors = await slugError(client, slug, selfId);
    if (Object.keys(errors).length || !slug) return { ok: false, result: invalid(errors) };
    return { ok: true, data: { slug, name, description } };
  }

  async function create(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
    assertCan(actor, "taxonomy.manage");
    const values = await checked(client, input);
    if (!values.ok) return values.result;
    const data = values.data;
    try {
      return await client.$transaction(async (tx) => {
        const item = await kind.table(tx).create({ data, select: { id: true, slug: true } });
        await audit(tx, { actor, action: `${kind.entityType}.create`, entityType: kind.entityType, entityId: item.id, summary: `Skapade ${kind.noun} ${data.name} (${data.slug})`, ip: ctx.ip });
        return success(item, [kind.tag(data.slug), ...listTags], kind.created);
      });
    } catch (err) {
      if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
      throw err;
    }
  }

  async function update(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ id: string; slug: string }>> {
    const id = idOf(input);
    const before = id ? await getForEdit(client, id) : null;
    if (!before) return failure(NOT_FOUND);
    assertCan(actor, "taxonomy.manage");
    const values = await checked(client, input, before.id);
    if (!values.ok) return values.result;
    const data = values.data;
    try {
      return await client.$transaction(async (tx) => {
        await kind.table(tx).update({ where: { id: before.id }, data });
        await audit(tx, { actor, action: `${kind.entityType}.update`, entityType: kind.entityType, entityId: before.id, summary: `Ändrade ${kind.noun} ${data.name} (${data.slug})`, ip: ctx.ip });
        const extra = before.name !== data.name || before.slug !== data.slug ? await kind.dependentTags(tx, before.id) : [];
        return success({ id: before.id, slug: data.slug }, unique([kind.tag(before.slug), kind.tag(data.slug), ...listTags, ...extra]), "Ändringarna är sparade.");
      });
    } catch (err) {
      if (isUniqueViolation(err)) return invalid({ slug: SLUG_TAKEN });
      throw err;
    }
  }

  async function remove(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
    const id = idOf(input);
    const item = id ? await getForEdit(client, id) : null;
    if (!item) return failure(NOT_FOUND);
    assertCan(actor, "taxonomy.manage");
    if (!confirmed(input)) return failure(NOT_CONFIRMED);
    return client.$transaction(async (tx) => {
      const extra = await kind.dependentTags(tx, item.id);
      await kind.table(tx).delete({ where: { id: item.id } });
      await audit(tx, { actor, action: `${kind.entityType}.delete`, entityType: kind.entityType, entityId: item.id, summary: `Tog bort ${kind.noun} ${item.name} (${item.slug})`, ip: ctx.ip });
      return success(null, unique([kind.tag(item.slug), ...listTags, ...extra]), kind.deleted);
    });
  }

  return { list, getForEdit, create, update, remove };
}
