import "server-only";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import { z } from "zod";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { ROLE_LABELS, type Role } from "@/lib/auth/roles";
import { failure, invalid, success, type CommandResult } from "@/lib/newsroom/result";
import { userAccessSchema } from "@/lib/validation/accounts";
import { fieldErrorsOf } from "@/lib/validation/form";
import { audit } from "./audit";

// Staff accounts, written the way better-auth's email-and-password provider reads them: a
// user row plus a "credential" account holding the argon2id hash. Also the administrators'
// user management: the list, one user's page, role and organisation changes, deletion.

export type NewStaffUser = { email: string; name: string; role: Role; password?: string; organisationSlugs?: string[] };

export class UserError extends Error {}

export const newId = () => randomBytes(16).toString("hex");

const ARGON2ID = 2; // @node-rs/argon2's Algorithm.Argon2id (a const enum, so not importable here)

export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

/** A staff account. Without a password it can only be used through a set-password link. */
export async function createStaffUser(client: PrismaClient, u: NewStaffUser): Promise<{ id: string }> {
  const email = u.email.trim().toLowerCase();
  if (await client.user.findUnique({ where: { email }, select: { id: true } })) throw new UserError(`There is already an account for ${email}`);
  const organisations = await client.organisation.findMany({ where: { slug: { in: u.organisationSlugs ?? [] } }, select: { id: true, slug: true } });
  const unknown = (u.organisationSlugs ?? []).filter((s) => !organisations.some((o) => o.slug === s));
  if (unknown.length) throw new UserError(`Unknown organisation: ${unknown.join(", ")}`);
  const id = newId();
  const passwordHash = u.password === undefined ? null : await hashPassword(u.password);
  await client.user.create({
    data: {
      id,
      email,
      name: u.name,
      role: u.role,
      emailVerified: passwordHash !== null,
      ...(passwordHash ? { accounts: { create: { id: newId(), providerId: "credential", accountId: id, password: passwordHash } } } : {}),
      organisations: { create: organisations.map((o) => ({ organisationId: o.id })) },
    },
  });
  return { id };
}

/** The demo accounts of local mode, one per role; their passwords are printed at every start. */
export const DEMO_ACCOUNTS: (NewStaffUser & { password: string })[] = [
  { email: "admin@naringslivsnytt.local", name: "Demo Administratör", role: "ADMIN", password: "demo-admin-losenord" },
  { email: "redaktor@naringslivsnytt.local", name: "Demo Redaktör", role: "EDITOR", password: "demo-redaktor-losenord", organisationSlugs: ["lerum"] },
  { email: "skribent@naringslivsnytt.local", name: "Demo Skribent", role: "WRITER", password: "demo-skribent-losenord", organisationSlugs: ["lerum"] },
];

export async function ensureDemoAccounts(client: PrismaClient): Promise<void> {
  for (const account of DEMO_ACCOUNTS) {
    if (!(await client.user.findUnique({ where: { email: account.email }, select: { id: true } }))) await createStaffUser(client, account);
  }
}

export type StaffSummary = { storiesByStatus: Record<string, number>; latest: { id: string; title: string; status: string; updatedAt: string; kind: string; slug: string }[] };

/** What the newsroom start page shows: stories by status and the latest changed ones. */
export async function getNewsroomSummary(client: PrismaClient, organisationIds: string[] | "all"): Promise<StaffSummary> {
  const where = organisationIds === "all" ? {} : { organisations: { some: { organisationId: { in: organisationIds } } } };
  const [groups, latest] = await Promise.all([
    client.story.groupBy({ by: ["status"], where, _count: { _all: true } }),
    client.story.findMany({ where, select: { id: true, title: true, status: true, updatedAt: true, kind: true, slug: true }, orderBy: { updatedAt: "desc" }, take: 10 }),
  ]);
  return {
    storiesByStatus: Object.fromEntries(groups.map((g) => [g.status, g._count._all])),
    latest: latest.map((s) => ({ ...s, updatedAt: s.updatedAt.toISOString() })),
  };
}

export async function organisationIdsOf(client: PrismaClient, userId: string): Promise<string[]> {
  return (await client.userOrganisation.findMany({ where: { userId }, select: { organisationId: true } })).map((o) => o.organisationId);
}

// ---- User management (administrators) ----

export const USER_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;
const userIdSchema = z.object({ userId: z.string().regex(USER_ID_PATTERN) });

export type UserListRow = {
  id: string;
  name: string;
  email: string;
  role: Role;
  organisations: string[];
  twoFactorEnabled: boolean;
  invitePending: boolean;
};

export type UserListFilter = { q?: string; role?: Role; organisationId?: string; page: number; pageSize: number };

const hasPassword = { where: { providerId: "credential", password: { not: null } }, select: { id: true } } as const;

export async function listUsers(client: PrismaClient, f: UserListFilter): Promise<{ rows: UserListRow[]; total: number }> {
  const q = f.q?.trim();
  const where: Prisma.UserWhereInput = {
    ...(q ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q, mode: "insensitive" } }] } : {}),
    ...(f.role ? { role: f.role } : {}),
    ...(f.organisationId ? { organisations: { some: { organisationId: f.organisationId } } } : {}),
  };
  const [users, total] = await Promise.all([
    client.user.findMany({
      where,
      select: { id: true, name: true, email: true, role: true, twoFactorEnabled: true, accounts: hasPassword, organisations: { select: { organisation: { select: { name: true } } } } },
      orderBy: [{ name: "asc" }, { email: "asc" }],
      skip: (f.page - 1) * f.pageSize,
      take: f.pageSize,
    }),
    client.user.count({ where }),
  ]);
  const collator = new Intl.Collator("sv");
  return {
    total,
    rows: users.map((u) => ({
      id: u.id,
      name: u.name,
      email: u.email,
      role: u.role,
      organisations: u.organisations.map((o) => o.organisation.name).sort(collator.compare),
      twoFactorEnabled: u.twoFactorEnabled,
      invitePending: u.accounts.length === 0,
    })),
  };
}

export type UserDetail = Omit<UserListRow, "organisations"> & { organisationIds: string[]; createdAt: string; lastSignInAt: string | null };

export async function getUserDetail(client: PrismaClient, id: string): Promise<UserDetail | null> {
  if (!USER_ID_PATTERN.test(id)) return null;
  const u = await client.user.findUnique({
    where: { id },
    select: { id: true, name: true, email: true, role: true, twoFactorEnabled: true, createdAt: true, accounts: hasPassword, organisations: { select: { organisationId: true } } },
  });
  if (!u) return null;
  const last = await client.signInAttempt.findFirst({ where: { email: u.email, succeeded: true }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    role: u.role,
    twoFactorEnabled: u.twoFactorEnabled,
    invitePending: u.accounts.length === 0,
    organisationIds: u.organisations.map((o) => o.organisationId),
    createdAt: u.createdAt.toISOString(),
    lastSignInAt: last?.createdAt.toISOString() ?? null,
  };
}

/** Organisations to choose from in user forms and filters, in Swedish order. */
export async function listOrganisationChoices(client: PrismaClient): Promise<{ id: string; name: string }[]> {
  const rows = await client.organisation.findMany({ select: { id: true, name: true } });
  const collator = new Intl.Collator("sv");
  return rows.sort((a, b) => collator.compare(a.name, b.name));
}

export const LAST_ADMIN_MESSAGE = "Det måste finnas minst en administratör. Utse en annan administratör först.";

/** Locks every administrator row for the transaction, so two concurrent demotions cannot both pass. */
async function otherAdmins(tx: Prisma.TransactionClient, exceptId: string): Promise<number> {
  const admins = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "user" WHERE role = 'ADMIN' ORDER BY id FOR UPDATE`;
  return admins.filter((a) => a.id !== exceptId).length;
}

async function knownOrganisations(client: PrismaClient | Prisma.TransactionClient, ids: string[]): Promise<{ id: string; name: string }[]> {
  return client.organisation.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
}

/** Changes a user's role and organisations. Never demotes the last administrator. */
export async function updateUserAccess(client: PrismaClient, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const ids = userIdSchema.safeParse(input);
  if (!ids.success) return failure("Användaren finns inte.");
  const user = await client.user.findUnique({ where: { id: ids.data.userId }, select: { id: true, email: true, name: true, role: true, organisations: { select: { organisationId: true } } } });
  if (!user) return failure("Användaren finns inte.");
  assertCan(actor, "user.manage");
  const parsed = userAccessSchema.safeParse(input);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { role } = parsed.data;
  const organisationIds = [...new Set(parsed.data.organisationIds)];
  const organisations = await knownOrganisations(client, organisationIds);
  if (organisations.length !== organisationIds.length) return invalid({ organisationIds: "Okänd organisation." });

  return client.$transaction(async (tx) => {
    if (user.role === "ADMIN" && role !== "ADMIN" && (await otherAdmins(tx, user.id)) === 0) return invalid({ role: LAST_ADMIN_MESSAGE });
    await tx.user.update({ where: { id: user.id }, data: { role } });
    await tx.userOrganisation.deleteMany({ where: { userId: user.id, organisationId: { notIn: organisationIds } } });
    await tx.userOrganisation.createMany({ data: organisationIds.map((organisationId) => ({ userId: user.id, organisationId })), skipDuplicates: true });
    if (role !== user.role) {
      await audit(tx, { actor, action: "user.role", entityType: "user", entityId: user.id, summary: `Roll för ${user.email} ändrad från ${ROLE_LABELS[user.role]} till ${ROLE_LABELS[role]}` });
    }
    const before = new Set(user.organisations.map((o) => o.organisationId));
    if (before.size !== organisationIds.length || organisationIds.some((id) => !before.has(id))) {
      const names = organisations.map((o) => o.name).sort(new Intl.Collator("sv").compare);
      await audit(tx, { actor, action: "user.organisations", entityType: "user", entityId: user.id, summary: `Organisationer för ${user.email}: ${names.join(", ") || "inga"}` });
    }
    return success(null, [], "Ändringarna är sparade.");
  });
}

/** Deletes an account (sessions, tokens and memberships go with it; stories keep their text). */
export async function deleteUser(client: PrismaClient, actor: Actor, input: unknown): Promise<CommandResult<null>> {
  const ids = userIdSchema.safeParse(input);
  if (!ids.success) return failure("Användaren finns inte.");
  const user = await client.user.findUnique({ where: { id: ids.data.userId }, select: { id: true, email: true, role: true } });
  if (!user) return failure("Användaren finns inte.");
  assertCan(actor, "user.manage");
  const confirm = z.object({ confirm: z.literal("ja", { error: "Bekräfta att kontot ska tas bort." }) }).safeParse(input);
  if (!confirm.success) return invalid(fieldErrorsOf(confirm.error));
  if (user.id === actor.id) return failure("Du kan inte ta bort ditt eget konto.");

  return client.$transaction(async (tx) => {
    if (user.role === "ADMIN" && (await otherAdmins(tx, user.id)) === 0) return failure(LAST_ADMIN_MESSAGE);
    await tx.user.delete({ where: { id: user.id } });
    await audit(tx, { actor, action: "user.delete", entityType: "user", entityId: user.id, summary: `Kontot ${user.email} (${ROLE_LABELS[user.role]}) togs bort` });
    return success(null, [], `Kontot ${user.email} är borttaget.`);
  });
}

export const userCommands = { updateUserAccess, deleteUser };
