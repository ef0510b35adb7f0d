import "server-only";
import { randomBytes } from "node:crypto";
import { hash } from "@node-rs/argon2";
import type { PrismaClient } from "@/generated/prisma/client";
import type { Role } from "@/lib/auth/roles";

// Staff accounts, written the way better-auth's email-and-password provider reads them: a
// user row plus a "credential" account holding the argon2id hash.

export type NewStaffUser = { email: string; name: string; role: Role; password: string; organisationSlugs?: string[] };

export class UserError extends Error {}

const newId = () => randomBytes(16).toString("hex");

export async function createStaffUser(client: PrismaClient, u: NewStaffUser): Promise<{ id: string }> {
  const email = u.email.trim().toLowerCase();
  if (await client.user.findUnique({ where: { email }, select: { id: true } })) throw new UserError(`There is already an account for ${email}`);
  const organisations = await client.organisation.findMany({ where: { slug: { in: u.organisationSlugs ?? [] } }, select: { id: true, slug: true } });
  const unknown = (u.organisationSlugs ?? []).filter((s) => !organisations.some((o) => o.slug === s));
  if (unknown.length) throw new UserError(`Unknown organisation: ${unknown.join(", ")}`);
  const id = newId();
  const passwordHash = await hash(u.password, { algorithm: 2 });
  await client.user.create({
    data: {
      id,
      email,
      name: u.name,
      role: u.role,
      emailVerified: true,
      accounts: { create: { id: newId(), providerId: "credential", accountId: id, password: passwordHash } },
      organisations: { create: organisations.map((o) => ({ organisationId: o.id })) },
    },
  });
  return { id };
}

/** The demo accounts of local mode, one per role; their passwords are printed at every start. */
export const DEMO_ACCOUNTS: NewStaffUser[] = [
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
