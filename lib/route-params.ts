import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/pagination";
import { parsePeriod, type Period } from "@/lib/period";
import { isSlug } from "@/lib/slug";

// Bad URLs end in a 404 before any query runs: a malformed slug or ?sida= is never a 500.

export async function requireSlug(params: Promise<{ slug: string }>): Promise<string> {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  return slug;
}

export async function requirePageParam(searchParams: Promise<{ sida?: string | string[] }>): Promise<number> {
  const page = parsePageParam((await searchParams).sida);
  if (page === null) notFound();
  return page;
}

/** `?ar=&manad=` of an archive view; a malformed period is not a page of ours. */
export async function requirePeriod(searchParams: Promise<{ ar?: string | string[]; manad?: string | string[] }>): Promise<Period | undefined> {
  const { ar, manad } = await searchParams;
  const period = parsePeriod(ar, manad);
  if (period === null) notFound();
  return period;
}

export type ListSearchParams = Promise<{ sida?: string | string[]; ar?: string | string[]; manad?: string | string[] }>;

export type SlugProps = { params: Promise<{ slug: string }> };
export type SlugPageProps = SlugProps & { searchParams: ListSearchParams };
