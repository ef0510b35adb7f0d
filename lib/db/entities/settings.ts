import "server-only";
import type { PrismaClient } from "@/generated/prisma/client";
import { assertCan, type Actor } from "@/lib/auth/permissions";
import { tags } from "@/lib/cache";
import { audit } from "@/lib/db/audit";
import { success, type CommandResult } from "@/lib/newsroom/result";
import { settingsSchema, type SettingsInput } from "@/lib/validation/entities";
import { parseOrInvalid, type CommandContext } from "./shared";

// The site's name and footer (the single site_settings row, id 1): administrators only.

/** The stored settings, or null before anything has been saved (the public site then uses its defaults). */
export async function getSettingsForEdit(client: PrismaClient): Promise<SettingsInput | null> {
  return client.siteSettings.findUnique({
    where: { id: 1 },
    select: { siteName: true, tagline: true, description: true, footerOrganisation: true, address: true, phone: true, email: true, informationOwner: true, webmaster: true },
  });
}

export async function updateSettings(client: PrismaClient, actor: Actor, input: unknown, ctx: CommandContext = {}): Promise<CommandResult<null>> {
  assertCan(actor, "settings.manage");
  const parsed = parseOrInvalid(settingsSchema, input);
  if (!parsed.ok) return parsed.result;
  const data = parsed.data;
  await client.$transaction(async (tx) => {
    await tx.siteSettings.upsert({ where: { id: 1 }, create: { id: 1, ...data }, update: data });
    await audit(tx, { actor, action: "settings.update", entityType: "settings", entityId: "1", summary: "Ändrade webbplatsens inställningar", ip: ctx.ip });
  });
  return success(null, [tags.settings], "Inställningarna är sparade.");
}

export const settingsCommands = { updateSettings };
