import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "./client";
import { pageCount, type Paged } from "./public";
import { publishedStorySql } from "./published";

// Swedish full-text search over published stories, with facets, snippets and "Menade du …?".
// Everything user-typed travels as a bound parameter; websearch_to_tsquery never raises on
// odd input, so quotes, OR, minus, SQL or HTML in the query are just words.

export const MAX_QUERY_LENGTH = 200;

export type SearchFilters = {
  kind?: "NEWS" | "INTERVIEW";
  organisation?: string;
  county?: string;
  topic?: string;
  network?: string;
  year?: number;
};
export type SearchSort = "relevance" | "newest";
export type SearchInput = { q: string; filters: SearchFilters; sort: SearchSort; page: number; pageSize: number };

/** A snippet: text runs, with `match` set on the words the query found. */
export type SnippetPart = { text: string; match: boolean };

export type SearchHit = {
  id: string;
  kind: "NEWS" | "INTERVIEW";
  slug: string;
  title: string;
  lead: string;
  publishedAt: string;
  snippet: SnippetPart[];
};

export type FacetValue = { value: string; label: string; count: number };
export type Facets = Record<"kind" | "organisation" | "county" | "topic" | "network" | "year", FacetValue[]>;

// ts_headline marks matches with control characters, which are split into parts here and
// rendered by React: the snippet never reaches the page as HTML.
const START = "\u0002";
const STOP = "\u0003";
const HEADLINE_OPTIONS = `StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;

export function normaliseQuery(q: string): string {
  return q.replace(/[\u0000-\u001f\u007f]/g, " ").replace(/\s+/g, " ").trim().slice(0, MAX_QUERY_LENGTH);
}

// The Swedish stemmer after an accent filter (migration 20261202163000): a query typed without
// å, ä or ö finds the words written with them, and the other way round.
const CONFIG = Prisma.raw("'swedish_unaccent'");

function tsQuery(q: string) {
  return Prisma.sql`websearch_to_tsquery(${CONFIG}, ${q})`;
}

const STOCKHOLM = "Europe/Stockholm";

type Dimension = keyof SearchFilters;

/** The WHERE conditions for a search, optionally leaving one filter out (for its facet counts). */
export function conditions(q: string, f: SearchFilters, except?: Dimension): Prisma.Sql {
  const parts: Prisma.Sql[] = [publishedStorySql("s")];
  if (q) parts.push(Prisma.sql`s.search @@ ${tsQuery(q)}`);
  if (f.kind && except !== "kind") parts.push(Prisma.sql`s.kind = ${f.kind}::story_kind`);
  if (f.organisation && except !== "organisation")
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM story_organisation so JOIN organisation o ON o.id = so.organisation_id WHERE so.story_id = s.id AND o.slug = ${f.organisation})`);
  if (f.county && except !== "county")
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM story_organisation so JOIN organisation o ON o.id = so.organisation_id WHERE so.story_id = s.id AND o.county = ${f.county})`);
  if (f.topic && except !== "topic")
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM story_topic st JOIN topic t ON t.id = st.topic_id WHERE st.story_id = s.id AND t.slug = ${f.topic})`);
  if (f.network && except !== "network")
    parts.push(Prisma.sql`EXISTS (SELECT 1 FROM story_network sn JOIN network n ON n.id = sn.network_id WHERE sn.story_id = s.id AND n.slug = ${f.network})`);
  if (f.year && except !== "year")
    parts.push(
      Prisma.sql`s.published_at >= make_timestamptz(${f.year}::int, 1, 1, 0, 0, 0, ${STOCKHOLM}) AND s.published_at < make_timestamptz(${f.year + 1}::int, 1, 1, 0, 0, 0, ${STOCKHOLM})`,
    );
  return Prisma.join(parts, " AND ");
}

type HitRow = { id: string; kind: "NEWS" | "INTERVIEW"; slug: string; title: string; lead: string; published_at: Date; snippet: string | null };

export async function searchStories(input: SearchInput): Promise<Paged<SearchHit> & { facets: Facets }> {
  const q = normaliseQuery(input.q);
  const where = conditions(q, input.filters);
  // Relevance first with recency as tie-break, or simply newest first.
  const rank = q ? Prisma.sql`ts_rank_cd(s.search, ${tsQuery(q)})` : Prisma.sql`0::real`;
  const byRelevance = q && input.sort === "relevance";
  const order = byRelevance ? Prisma.sql`ORDER BY rank DESC, published_at DESC, id DESC` : Prisma.sql`ORDER BY published_at DESC, id DESC`;
  const offset = (input.page - 1) * input.pageSize;
  // Headlines are costly, so they are made only for the rows of this page.
  const headline = q
    ? Prisma.sql`ts_headline(${CONFIG}, p.lead || ' ' || doc_text(p.body), ${tsQuery(q)}, ${HEADLINE_OPTIONS})`
    : Prisma.sql`NULL`;

  const [rows, { facets, total }] = await Promise.all([
    db().$queryRaw<HitRow[]>`
      SELECT p.id, p.kind, p.slug, p.title, p.lead, p.published_at, ${headline} AS snippet
      FROM (SELECT s.id, s.kind, s.slug, s.title, s.lead, s.published_at, s.body, ${rank} AS rank FROM story s WHERE ${where} ${order} LIMIT ${input.pageSize} OFFSET ${offset}) p
      ${order}`,
    searchFacets(q, input.filters),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      slug: r.slug,
      title: r.title,
      lead: r.lead,
      publishedAt: r.published_at.toISOString(),
      snippet: r.snippet ? splitSnippet(r.snippet) : [],
    })),
    total,
    page: input.page,
    pageCount: pageCount(total, input.pageSize),
    facets,
  };
}

export function splitSnippet(s: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  for (const [i, chunk] of s.split(START).entries()) {
    if (i === 0) {
      if (chunk) parts.push({ text: chunk, match: false });
      continue;
    }
    const [hit, rest] = chunk.split(STOP) as [string, string | undefined];
    if (hit) parts.push({ text: hit, match: true });
    if (rest) parts.push({ text: rest, match: false });
  }
  return parts;
}

type FacetRow = { dim: keyof Facets | "total"; value: string; label: string; count: bigint };

/** Facet values with counts, for one set of conditions: one pass over the matching stories. */
function facetQuery(where: Prisma.Sql, dims: (keyof Facets)[], withTotal: boolean): Prisma.Sql {
  const parts: Record<keyof Facets, Prisma.Sql> = {
    kind: Prisma.sql`SELECT 'kind' AS dim, b.kind::text AS value, b.kind::text AS label, count(*) AS count FROM base b GROUP BY b.kind`,
    organisation: Prisma.sql`SELECT 'organisation', o.slug, coalesce(o.short_name, o.name), count(*) FROM base b
      JOIN story_organisation so ON so.story_id = b.id JOIN organisation o ON o.id = so.organisation_id GROUP BY o.slug, coalesce(o.short_name, o.name)`,
    county: Prisma.sql`SELECT 'county', o.county, o.county, count(DISTINCT b.id) FROM base b
      JOIN story_organisation so ON so.story_id = b.id JOIN organisation o ON o.id = so.organisation_id WHERE o.county IS NOT NULL GROUP BY o.county`,
    topic: Prisma.sql`SELECT 'topic', t.slug, t.name, count(*) FROM base b JOIN story_topic st ON st.story_id = b.id JOIN topic t ON t.id = st.topic_id GROUP BY t.slug, t.name`,
    network: Prisma.sql`SELECT 'network', n.slug, n.name, count(*) FROM base b JOIN story_network sn ON sn.story_id = b.id JOIN network n ON n.id = sn.network_id GROUP BY n.slug, n.name`,
    year: Prisma.sql`SELECT 'year', y::text, y::text, count(*) FROM (SELECT extract(year FROM b.published_at AT TIME ZONE ${STOCKHOLM})::int AS y FROM base b) x GROUP BY y`,
  };
  const selects = dims.map((d) => parts[d]);
  if (withTotal) selects.push(Prisma.sql`SELECT 'total', '', '', count(*) FROM base`);
  return Prisma.sql`WITH base AS MATERIALIZED (SELECT s.id, s.kind, s.published_at FROM story s WHERE ${where})
    SELECT * FROM (${Prisma.join(selects, " UNION ALL ")}) AS f (dim, value, label, count)`;
}

/**
 * Facets and the total. A facet ignores its own filter (so the other values stay choosable);
 * facets whose dimension is not filtered share one pass over the stories matching everything.
 */
async function searchFacets(q: string, f: SearchFilters): Promise<{ facets: Facets; total: number }> {
  const dims: (keyof Facets)[] = ["kind", "organisation", "county", "topic", "network", "year"];
  const filtered = dims.filter((d) => f[d] !== undefined);
  const shared = dims.filter((d) => f[d] === undefined);
  const queries = [
    db().$queryRaw<FacetRow[]>(facetQuery(conditions(q, f), shared, true)),
    ...filtered.map((d) => db().$queryRaw<FacetRow[]>(facetQuery(conditions(q, f, d), [d], false))),
  ];
  const rows = (await Promise.all(queries)).flat();
  const collator = new Intl.Collator("sv");
  const facets = Object.fromEntries(dims.map((d) => [d, [] as FacetValue[]])) as unknown as Facets;
  let total = 0;
  for (const r of rows) {
    if (r.dim === "total") total = Number(r.count);
    else facets[r.dim].push({ value: r.value, label: r.label, count: Number(r.count) });
  }
  const kindOrder = ["NEWS", "INTERVIEW"];
  facets.kind.sort((a, b) => kindOrder.indexOf(a.value) - kindOrder.indexOf(b.value));
  facets.year.sort((a, b) => Number(b.value) - Number(a.value));
  for (const d of ["organisation", "county", "topic", "network"] as const) facets[d].sort((a, b) => collator.compare(a.label, b.label));
  return { facets, total };
}

export type EntityHit = { type: "network" | "person" | "organisation"; slug: string; name: string; kind: string; description: string | null };

/** Networks, people and organisations whose name or description matches, as their own group. */
export async function searchEntities(rawQ: string, limit = 5): Promise<EntityHit[]> {
  const q = normaliseQuery(rawQ);
  if (!q) return [];
  const query = tsQuery(q);
  return db().$queryRaw<EntityHit[]>`
    (SELECT 'network' AS type, slug, name, kind::text AS kind, summary AS description FROM network
      WHERE to_tsvector(${CONFIG}, name || ' ' || summary) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})
    UNION ALL
    (SELECT 'person', slug, name, 'PERSON', title FROM person
      WHERE to_tsvector(${CONFIG}, name || ' ' || coalesce(title, '')) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})
    UNION ALL
    (SELECT 'organisation', slug, name, kind::text, county FROM organisation
      WHERE to_tsvector(${CONFIG}, name || ' ' || coalesce(short_name, '')) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})`;
}

/**
 * "Menade du …?": each word of a query that finds nothing is replaced by the closest word
 * from published titles, people's and organisations' names (trigram similarity, using the
 * trigram indexes). Returns null when no better query is found.
 */
export async function suggestQuery(rawQ: string): Promise<string | null> {
  const q = normaliseQuery(rawQ);
  const tokens = q.split(/([^\p{L}\p{N}]+)/u);
  const words = tokens.filter((t) => /^[\p{L}\p{N}]{3,}$/u.test(t));
  if (words.length === 0 || words.length > 6) return null;
  let changed = false;
  for (const [i, word] of tokens.entries()) {
    if (!/^[\p{L}\p{N}]{3,}$/u.test(word)) continue;
    // A word that finds stories on its own is spelt the way the site spells it.
    if ((await countMatches(word)) > 0) continue;
    const rows = await db().$queryRaw<{ word: string; sim: number }[]>`
      WITH candidates AS (
        (SELECT title AS term FROM story WHERE ${publishedStorySql("story")} ORDER BY ${word} <<-> title LIMIT 30)
        UNION ALL (SELECT name FROM person ORDER BY ${word} <<-> name LIMIT 10)
        UNION ALL (SELECT name FROM organisation ORDER BY ${word} <<-> name LIMIT 10)
      )
      SELECT w AS word, similarity(w, lower(${word})) AS sim
      FROM candidates, regexp_split_to_table(lower(term), '[^[:alnum:]]+') AS w
      WHERE length(w) >= 3
      ORDER BY sim DESC, w
      LIMIT 1`;
    const best = rows[0];
    if (best && best.word !== word.toLowerCase() && best.sim >= 0.3) {
      tokens[i] = best.word;
      changed = true;
    }
  }
  return changed ? tokens.join("") : null;
}

/** How many published stories a query finds with these filters (before offering a suggestion). */
export async function countMatches(q: string, filters: SearchFilters = {}): Promise<number> {
  const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM story s WHERE ${conditions(normaliseQuery(q), filters)}`;
  return Number(rows[0]?.n ?? 0);
}
