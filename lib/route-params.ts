import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ARCHIVE_SEGMENT, PAGE_SEGMENT, parseListSegments, type ListPosition } from "@/lib/paths";
import { isSlug } from "@/lib/slug";
import { NOT_FOUND_DESCRIPTION, NOT_FOUND_TITLE, unindexedMetadata } from "@/lib/seo";

// Bad URLs end in a 404 before any query runs: a malformed slug or page number is never a 500.

export async function requireSlug(params: Promise<{ slug: string }>): Promise<string> {
  const { slug } = await params;
  if (!isSlug(slug)) notFound();
  return slug;
}

/**
 * The list position a route's params name: `/sida/[sida]`, `/arkiv/[...period]` or an entity's
 * optional `[[...lista]]`. Anything but the canonical form is a 404.
 */
export async function requireListPosition(params: Promise<ListParams>): Promise<ListPosition> {
  const p = await params;
  const segments = p.lista ?? (p.sida !== undefined ? [PAGE_SEGMENT, p.sida] : p.period ? [ARCHIVE_SEGMENT, ...p.period] : []);
  const position = parseListSegments(segments);
  if (!position) notFound();
  return position;
}

export type ListParams = { sida?: string; period?: string[]; lista?: string[] };

export type SlugProps = { params: Promise<{ slug: string }> };
export type SlugListProps = { params: Promise<{ slug: string } & ListParams> };

/** What a page that turns out not to exist says in its head; the page itself answers 404. */
export const NOT_FOUND_METADATA: Metadata = unindexedMetadata(NOT_FOUND_TITLE, NOT_FOUND_DESCRIPTION);

const digestOf = (err: unknown) => {
  const digest = (err as { digest?: unknown } | null)?.digest;
  return typeof digest === "string" ? digest : "";
};

/** The error notFound() throws. */
export const isNotFoundSignal = (err: unknown) => digestOf(err) === "NEXT_HTTP_ERROR_FALLBACK;404";

const isNavigationSignal = (err: unknown) => isNotFoundSignal(err) || digestOf(err).startsWith("NEXT_REDIRECT;");

/**
 * generateMetadata from a page's loader. A notFound() or redirect thrown while the head is made
 * escapes the site layout, and the server HTML of the 404 would then be empty (the content
 * only appearing after JavaScript). So here they give NOT_FOUND_METADATA, and the page, which
 * runs the same loader, throws them inside the layout: a whole 404 page in the server HTML.
 */
export async function metadataOf<T>(load: () => Promise<T>, meta: (data: T) => Metadata | Promise<Metadata>): Promise<Metadata> {
  try {
    return await meta(await load());
  } catch (err) {
    if (isNavigationSignal(err)) return NOT_FOUND_METADATA;
    throw err;
  }
}
