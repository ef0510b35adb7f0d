import "server-only";
import { randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { rm } from "node:fs/promises";
import { z } from "zod";
import type { PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { megabytes } from "@/lib/media/limit";
import { mediaStorage } from "@/lib/media/storage";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";
import { MediaSourceError, openMediaSource, type MediaSource } from "@/lib/wordpress/media-source";
import { WxrError } from "@/lib/wordpress/wxr";
import { parseOrInvalid, type CommandContext } from "./entities/shared";
import { ImportStopped, runWordpressImport } from "./wordpress-import";

// The newsroom's import (/admin/import, decision 026): the upload route streams the files to a
// temporary folder and starts a job with `startWordpressImport`; the job runs in the background
// of the server process (after the upload's answer) and writes its progress and, at the end,
// the report's Swedish lines to its import_job row, which the page polls. A job whose heartbeat
// stops (the server was restarted) is shown as interrupted; running the import again continues
// it without duplicates, since the import commits per batch and upserts by source key.

/** A running job that has not moved for this long is reported as interrupted. */
export const STALE_AFTER_MS = 2 * 60_000;
/** How often a running job says it is alive, whatever it is doing. */
const HEARTBEAT_MS = 20_000;
/** The page is told to poll this often, and the database is written at most this often. */
export const PROGRESS_EVERY_MS = 700;

export const importInputSchema = z.object({
  organisationId: z.guid({ error: "Välj vilken organisation innehållet ska höra till." }),
  dryRun: z.boolean({ error: "Välj provkörning eller import." }),
});

/** The uploaded files, already on disk; `cleanup` removes them when the job is over. */
export type ImportFiles = { wxrPath: string; wxrName: string; mediaPath: string | null; cleanup: () => Promise<void> };

export type ImportJobView = {
  id: string;
  organisationId: string | null;
  fileName: string;
  dryRun: boolean;
  status: "running" | "done" | "failed" | "interrupted";
  done: number;
  total: number;
  lines: string[];
  error: string | null;
};

type Started = { jobId: string; run: () => Promise<string[]> };

/**
 * Starts an import job: administrators only, the organisation must exist. The returned `run`
 * does the import (call it in the background) and resolves with the cache tags to invalidate;
 * it never rejects: a failure is written to the job with a Swedish message.
 */
export async function startWordpressImport(client: PrismaClient, actor: Actor, input: unknown, files: ImportFiles, ctx: CommandContext = {}): Promise<CommandResult<Started>> {
  assertCan(actor, "wordpress.import");
  const parsed = parseOrInvalid(importInputSchema, input);
  if (!parsed.ok) return parsed.result;
  const { organisationId, dryRun } = parsed.data;
  if (!(await client.organisation.findUnique({ where: { id: organisationId }, select: { id: true } }))) return failure("Organisationen finns inte längre. Välj en annan.", { organisationId: "Organisationen finns inte längre." });
  const jobId = randomUUID();
  await client.importJob.create({ data: { id: jobId, organisationId, actorId: actor.id, fileName: files.wxrName.slice(0, 255), dryRun, status: "running" } });
  const run = () => runJob(client, jobId, { id: actor.id, email: actor.email }, organisationId, dryRun, files, ctx.ip ?? null);
  return success({ jobId, run }, [], dryRun ? "Provkörningen har börjat." : "Importen har börjat.");
}

async function runJob(client: PrismaClient, jobId: string, actor: { id: string; email: string }, organisationId: string, dryRun: boolean, files: ImportFiles, ip: string | null): Promise<string[]> {
  let source: MediaSource | null = null;
  let lastWrite = 0;
  // The heartbeat also moves while nothing is counted (reading a large file, taking in pictures).
  const heartbeat = setInterval(() => void client.importJob.update({ where: { id: jobId }, data: { heartbeatAt: new Date() } }).catch(() => undefined), HEARTBEAT_MS);
  heartbeat.unref();
  try {
    if (files.mediaPath) source = await openMediaSource(files.mediaPath);
    const media = source ? { source, storage: mediaStorage(), maxBytes: megabytes(env().MEDIA_MAX_MB) } : undefined;
    const { report, tags } = await runWordpressImport(client, actor, createReadStream(files.wxrPath), {
      organisationId,
      dryRun,
      media,
      ip,
      onProgress: async (done, total) => {
        if (done < total && Date.now() - lastWrite < PROGRESS_EVERY_MS) return;
        lastWrite = Date.now();
        await client.importJob.update({ where: { id: jobId }, data: { done, total, heartbeatAt: new Date() } });
      },
    });
    await client.importJob.update({ where: { id: jobId }, data: { status: "done", lines: report.lines, heartbeatAt: new Date(), finishedAt: new Date() } });
    return tags;
  } catch (err) {
    const known = err instanceof WxrError || err instanceof MediaSourceError;
    if (err instanceof ImportStopped) console.error(`[import] job ${jobId} stopped after ${err.committed} items: ${(err.reason as Error)?.stack ?? err.reason}`);
    else if (!known) console.error(`[import] job ${jobId} failed: ${(err as Error).stack ?? err}`);
    const error = known ? (err as Error).message : "Importen avbröts av ett fel på servern. Det som hann sparas finns kvar; kör importen igen för att fortsätta.";
    await client.importJob.update({ where: { id: jobId }, data: { status: "failed", error, heartbeatAt: new Date(), finishedAt: new Date() } }).catch(() => undefined);
    // What the committed batches changed is public: their pages are invalidated all the same.
    return err instanceof ImportStopped ? err.tags : [];
  } finally {
    clearInterval(heartbeat);
    await source?.close();
    await files.cleanup().catch(() => undefined);
  }
}

/** One job for the import page and its progress route: administrators only. */
export async function getImportJob(client: PrismaClient, actor: Actor, id: string, now = new Date()): Promise<ImportJobView | null> {
  assertCan(actor, "wordpress.import");
  if (!z.guid().safeParse(id).success) return null;
  const job = await client.importJob.findUnique({ where: { id } });
  if (!job) return null;
  const stale = job.status === "running" && now.getTime() - job.heartbeatAt.getTime() > STALE_AFTER_MS;
  return {
    id: job.id,
    organisationId: job.organisationId,
    fileName: job.fileName,
    dryRun: job.dryRun,
    status: stale ? "interrupted" : (job.status as ImportJobView["status"]),
    done: job.done,
    total: job.total,
    lines: Array.isArray(job.lines) ? (job.lines as unknown[]).map(String) : [],
    error: stale ? "Importen avbröts, troligen för att servern startades om. Det som hann sparas finns kvar; kör importen igen för att fortsätta." : job.error,
  };
}

/** A temporary folder's remover, for ImportFiles.cleanup. */
export const removeFolder = (dir: string) => () => rm(dir, { recursive: true, force: true });

export const importJobCommands = { startWordpressImport };
