import "server-only";
import { Prisma, type PrismaClient } from "@/generated/prisma/client";
import { tags } from "@/lib/cache";
import { slugify } from "@/lib/slug";
import { parseFields } from "@/lib/validation/form";
import { isUuid } from "@/lib/validation/entities";
import { invalid, type CommandResult } from "@/lib/newsroom/result";
import type { z } from "zod";
import { publishedStoryWhere } from "../published";

// What the entity commands (people, topics, series, networks, organisations) share: reading
// the id and confirmation from the input, slugs, unique clashes, and the story pages to refresh.

export type Client = PrismaClient | Prisma.TransactionClient;

/** Where the request came from, for the audit log; filled in by the server action. */
export type CommandContext = { ip?: string | null };

export const NOT_FOUND = "Posten finns inte längre. Den kan ha tagits bort av någon annan.";

export function field(input: unknown, name: string): unknown {
  return input && typeof input === "object" ? (input as Record<string, unknown>)[name] : undefined;
}

/** The record id the command acts on; null when it is malformed and so names no record. */
export function idOf(input: unknown): string | null {
  const raw = field(input, "id");
  const id = Array.isArray(raw) ? raw[0] : raw;
  return isUuid(id) ? id : null;
}

/** Deletions need the confirmation form's explicit yes. */
export function confirmed(input: unknown): boolean {
  const v = field(input, "confirm");
  return v === "ja" || v === true;
}

export const NOT_CONFIRMED = "Bekräfta borttagningen på bekräftelsesidan först.";

export function parseOrInvalid<S extends z.ZodType>(schema: S, input: unknown): { ok: true; data: z.infer<S> } | { ok: false; result: CommandResult<never> } {
  const parsed = parseFields(schema, input);
  return parsed.ok ? parsed : { ok: false, result: invalid(parsed.fieldErrors) };
}

/** The slug typed, or one made from the name; null when the name has no usable letters. */
export function slugFrom(typed: string, name: string): string | null {
  return typed || slugify(name) || null;
}

export const SLUG_TAKEN = "Adressen används redan. Välj en annan.";
export const SLUG_EMPTY = "Det gick inte att skapa en adress av namnet. Skriv en adress med a–z, 0–9 och bindestreck.";

/** A unique index refused the write (two saves racing past the clash check). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}

/**
 * The public pages of the published stories that show an entity by name and link (story pages
 * are cached under their own tag only), so a rename or deletion does not leave them stale.
 */
export async function publishedStoryTags(client: Client, where: Prisma.StoryWhereInput): Promise<string[]> {
  const stories = await client.story.findMany({ where: { AND: [where, publishedStoryWhere()] }, select: { slug: true } });
  return stories.map((s) => tags.story(s.slug));
}

export function unique(list: string[]): string[] {
  return [...new Set(list)];
}
