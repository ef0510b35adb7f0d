import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/pagination";
import { isUuid } from "@/lib/validation/entities";

// URL parameters of the entity pages: a malformed id or page number is a 404, never a 500;
// a filter value that makes no sense is simply not applied.

export const PAGE_SIZE = 25;

export type SearchParams = Promise<Record<string, string | string[] | undefined>>;
export type IdParams = Promise<{ id: string }>;

export function one(value: string | string[] | undefined): string | undefined {
  return typeof value === "string" ? value : undefined;
}

export async function requireEntityId(params: IdParams): Promise<string> {
  const { id } = await params;
  if (!isUuid(id)) notFound();
  return id;
}

/** ?sida= and ?q= of a list; a page past the end is checked by listPage. */
export function listParams(sp: Record<string, string | string[] | undefined>): { page: number; q: string | undefined } {
  const page = parsePageParam(sp.sida);
  if (page === null) notFound();
  const q = one(sp.q)?.trim().slice(0, 200);
  return { page, q: q || undefined };
}

/** One loaded page of a list and the URL it was asked for: what EntityList shows. */
export type ListPage<T> = { path: string; searchParams: Record<string, string | string[] | undefined>; q?: string; page: number; pageCount: number; rows: T[]; total: number };

/** The loaded page, or a 404 when the page number is past the end. */
export function listPage<T>(path: string, searchParams: ListPage<T>["searchParams"], { page, q }: { page: number; q?: string }, { rows, total }: { rows: T[]; total: number }): ListPage<T> {
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFound();
  return { path, searchParams, q, page, pageCount, rows, total };
}

/** A filter value that must be one of a few known values. */
export function oneOf<T extends string>(value: string | string[] | undefined, allowed: readonly T[]): T | undefined {
  const v = one(value);
  return v && (allowed as readonly string[]).includes(v) ? (v as T) : undefined;
}

export function uuidParam(value: string | string[] | undefined): string | undefined {
  const v = one(value);
  return isUuid(v) ? v : undefined;
}
