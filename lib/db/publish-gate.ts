import "server-only";
import type { Prisma, PrismaClient } from "@/generated/prisma/client";
import { invalid, type CommandResult } from "@/lib/newsroom/result";
import { errorsOf, OVERRIDE_REASON_MAX, OVERRIDE_REASON_MIN, publishChecks, type PublishCheck } from "@/lib/validation/publish-checks";
import type { StoryFields } from "@/lib/validation/story";

// The accessibility check's gate before a story is published or scheduled: the editor shows
// the same findings live (publishChecks); here they are computed again from the saved story,
// so a client cannot skip them. An error blocks unless the editor gives a reason.

export type GateAnswer = { refused: CommandResult<never> } | { override: { reason: string; errors: PublishCheck[] } | null };

export async function publishGate(client: PrismaClient | Prisma.TransactionClient, fields: StoryFields, overrideReason: string | undefined): Promise<GateAnswer> {
  const hero = fields.heroImageId ? await client.media.findUnique({ where: { id: fields.heroImageId }, select: { alt: true } }) : null;
  const errors = errorsOf(publishChecks({ body: fields.body, metaDescription: fields.metaDescription, pageOwner: fields.pageOwner, hero }));
  if (!errors.length) return { override: null };
  const reason = overrideReason?.trim() ?? "";
  if (reason.length >= OVERRIDE_REASON_MIN && reason.length <= OVERRIDE_REASON_MAX) return { override: { reason, errors } };
  const one = errors.length === 1;
  const counted = one ? "ett fel" : `${errors.length} fel`;
  const list = errors.map((e) => e.message).join(" ");
  return {
    refused: invalid(
      reason ? { overrideReason: `Skriv en motivering på ${OVERRIDE_REASON_MIN}–${OVERRIDE_REASON_MAX} tecken.` } : {},
      `Tillgänglighetskontrollen hittade ${counted}: ${list} Rätta ${one ? "det" : "dem"}, eller publicera ändå med en motivering.`,
    ),
  };
}

/** The audit summary of an override: the reason and what it overrode. */
export function overrideSummary(title: string, override: { reason: string; errors: PublishCheck[] }): string {
  return `Publicerade ”${title}” trots ${override.errors.length} fel i tillgänglighetskontrollen (${override.errors.map((e) => e.id).join(", ")}). Motivering: ${override.reason}`;
}
