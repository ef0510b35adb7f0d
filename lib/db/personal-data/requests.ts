import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { z } from "zod";
import { emailField } from "@/lib/comments/rules";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { audit } from "@/lib/db/audit";
import { failure, success, type CommandResult } from "@/lib/newsroom/result";
import { NOT_CONFIRMED, confirmed, parseOrInvalid, type CommandContext } from "../entities/shared";
import { personalDataSources } from "./index";
import type { PersonalDataSource } from "./types";

// Data requests about one reader (GDPR articles 15 and 17), for administrators only: what
// every registered source holds for an e-mail address, as counts, as a JSON export, and
// erased. Exporting and erasing are audited (with the address, which the request is about).

export const emailSchema = z.object({ email: emailField("Skriv en e-postadress.") });

export type SourceCount = { key: string; label: string; count: number };

/** How many records each source holds for the address. */
export async function findPersonalData(client: PrismaClient, actor: Actor, email: string, sources: PersonalDataSource[] = personalDataSources): Promise<SourceCount[]> {
  assertCan(actor, "personaldata.manage");
  return Promise.all(sources.map(async (s) => ({ key: s.key, label: s.label, count: (await s.find(client, email)).count })));
}

export type PersonalDataExport = { email: string; exportedAt: string; sources: Record<string, unknown[]> };

async function exportPersonalData(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<PersonalDataExport>> {
  assertCan(actor, "personaldata.manage");
  const parsed = parseOrInvalid(emailSchema, input);
  if (!parsed.ok) return parsed.result;
  const { email } = parsed.data;
  const found = await Promise.all(personalDataSources.map(async (s) => [s.key, (await s.find(client, email)).records] as const));
  await audit(client, { actor, action: "personaldata.export", entityType: "personaldata", entityId: email, summary: `Exporterade personuppgifter för ${email}`, ip: ctx.ip });
  return success({ email, exportedAt: new Date().toISOString(), sources: Object.fromEntries(found) });
}

async function erasePersonalData(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<{ count: number }>> {
  assertCan(actor, "personaldata.manage");
  const parsed = parseOrInvalid(emailSchema, input);
  if (!parsed.ok) return parsed.result;
  if (!confirmed(input)) return failure(NOT_CONFIRMED);
  const { email } = parsed.data;
  return client.$transaction(async (tx) => {
    let count = 0;
    const tagList: string[] = [];
    for (const source of personalDataSources) {
      const erased = await source.erase(tx, email);
      count += erased.count;
      tagList.push(...erased.tags);
    }
    await audit(tx, { actor, action: "personaldata.erase", entityType: "personaldata", entityId: email, summary: `Raderade personuppgifter för ${email} (${count} poster)`, ip: ctx.ip });
    return success({ count }, [...new Set(tagList)], erasedMessage(count));
  });
}

function erasedMessage(count: number): string {
  if (!count) return "Det fanns inget att radera för adressen.";
  return count === 1 ? "1 post är raderad eller anonymiserad." : `${count} poster är raderade eller anonymiserade.`;
}

export const personalDataCommands = { exportPersonalData, erasePersonalData };
