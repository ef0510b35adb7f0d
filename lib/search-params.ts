import type { SearchFilters, SearchSort } from "@/lib/db/search";
import { parsePageParam } from "@/lib/pagination";
import { isSlug } from "@/lib/slug";
import { withoutUnsafeText } from "@/lib/validation/text-safety";

// /sok keeps its whole state in the URL, in Swedish: ?q=…&typ=intervju&kommun=lerum&lan=…
// &amne=…&natverk=…&ar=2022&sortera=senaste&sida=2. A value that makes no sense is dropped,
// never an error, so an edited or truncated URL still answers with a search.

export type SearchState = { q: string; filters: SearchFilters; sort: SearchSort; page: number };
type Raw = Record<string, string | string[] | undefined>;

const KIND = { nyhet: "NEWS", intervju: "INTERVIEW" } as const;
export const KIND_PARAM = { NEWS: "nyhet", INTERVIEW: "intervju" } as const;

const clean = (v: string | undefined) => (v === undefined ? v : withoutUnsafeText(v));

function one(v: string | string[] | undefined): string | undefined {
  return typeof v === "string" ? v : undefined;
}

export function parseSearchParams(raw: Raw): SearchState {
  const slug = (v: string | undefined) => (v && isSlug(v) ? v : undefined);
  const year = Number(one(raw.ar));
  const kind = one(raw.typ);
  // A NUL byte or half an emoji in the URL would reach PostgreSQL: dropped, like any nonsense.
  const county = clean(one(raw.lan))?.trim();
  return {
    q: (clean(one(raw.q)) ?? "").slice(0, 2000),
    filters: {
      kind: kind && kind in KIND ? KIND[kind as keyof typeof KIND] : undefined,
      organisation: slug(one(raw.kommun)),
      county: county && county.length <= 60 ? county : undefined,
      topic: slug(one(raw.amne)),
      network: slug(one(raw.natverk)),
      year: Number.isInteger(year) && year >= 1990 && year <= 2100 ? year : undefined,
    },
    sort: one(raw.sortera) === "senaste" ? "newest" : "relevance",
    page: parsePageParam(one(raw.sida)) ?? 1,
  };
}

/** The URL parameters for a state (page excluded), in a stable order. */
export function searchQuery(s: SearchState, change: Partial<SearchFilters & { q: string; sort: SearchSort }> = {}): Record<string, string> {
  const f = { ...s.filters, ...change };
  const q = change.q ?? s.q;
  const sort = change.sort ?? s.sort;
  const out: Record<string, string> = {};
  if (q.trim()) out.q = q.trim();
  if (f.kind) out.typ = KIND_PARAM[f.kind];
  if (f.organisation) out.kommun = f.organisation;
  if (f.county) out.lan = f.county;
  if (f.topic) out.amne = f.topic;
  if (f.network) out.natverk = f.network;
  if (f.year) out.ar = String(f.year);
  if (sort === "newest") out.sortera = "senaste";
  return out;
}

export function searchHref(params: Record<string, string>): string {
  const qs = new URLSearchParams(params).toString();
  return qs ? `/sok?${qs}` : "/sok";
}
