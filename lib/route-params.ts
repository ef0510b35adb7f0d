import { notFound } from "next/navigation";
import { parsePageParam } from "@/lib/pagination";
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

export type SlugProps = { params: Promise<{ slug: string }> };
export type SlugPageProps = SlugProps & { searchParams: Promise<{ sida?: string | string[] }> };
