import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";

// The audit log: who did what to which item and when. The table refuses UPDATE and DELETE.

export type AuditEntry = {
  actor: { id: string; email: string } | null;
  action: string; // e.g. "story.publish", "user.role", "auth.sign-in"
  entityType: string; // "story", "user", "media", "person", …
  entityId?: string | null;
  summary: string; // Swedish, for the log view
  ip?: string | null;
};

type Client = PrismaClient | Prisma.TransactionClient;

export async function audit(client: Client, entry: AuditEntry): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actor?.id ?? null,
      actorEmail: entry.actor?.email ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      summary: entry.summary,
      ip: entry.ip ?? null,
    },
  });
}

export type AuditRow = { id: string; createdAt: string; actorEmail: string | null; action: string; entityType: string; entityId: string | null; summary: string; ip: string | null };

export async function listAuditLog(client: PrismaClient, opts: { page: number; pageSize: number; action?: string; actor?: string }): Promise<{ rows: AuditRow[]; total: number }> {
  const where: Prisma.AuditLogWhereInput = {
    ...(opts.action ? { action: { startsWith: opts.action } } : {}),
    ...(opts.actor ? { actorEmail: { contains: opts.actor, mode: "insensitive" } } : {}),
  };
  const [rows, total] = await Promise.all([
    client.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (opts.page - 1) * opts.pageSize, take: opts.pageSize }),
    client.auditLog.count({ where }),
  ]);
  return { rows: rows.map((r) => ({ ...r, id: r.id.toString(), createdAt: r.createdAt.toISOString() })), total };
}
