import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "./client";
import { pageCount, type Paged } from "./public";

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

function tsQuery(q: string) {
  return Prisma.sql`websearch_to_tsquery('swedish', ${q})`;
}

const STOCKHOLM = "Europe/Stockholm";

type Dimension = keyof SearchFilters;

/** The WHERE conditions for a search, optionally leaving one filter out (for its facet counts). */
export function conditions(q: string, f: SearchFilters, except?: Dimension): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`s.status = 'PUBLISHED'`, Prisma.sql`s.published_at <= now()`];
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
    ? Prisma.sql`ts_headline('swedish', p.lead || ' ' || coalesce((SELECT string_agg(t #>> '{}', ' ') FROM jsonb_path_query(p.body, 'strict $.**.text') t), ''), ${tsQuery(q)}, ${HEADLINE_OPTIONS})`
    : Prisma.sql`NULL`;

  const [rows, countRows, facets] = await Promise.all([
    db().$queryRaw<HitRow[]>`
      SELECT p.id, p.kind, p.slug, p.title, p.lead, p.published_at, ${headline} AS snippet
      FROM (SELECT s.id, s.kind, s.slug, s.title, s.lead, s.published_at, s.body, ${rank} AS rank FROM story s WHERE ${where} ${order} LIMIT ${input.pageSize} OFFSET ${offset}) p
      ${order}`,
    db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM story s WHERE ${where}`,
    searchFacets(q, input.filters),
  ]);
  const total = Number(countRows[0]?.n ?? 0);
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

async function searchFacets(q: string, f: SearchFilters): Promise<Facets> {
  type Row = { value: string; label: string; count: bigint };
  const toValues = (rows: Row[]) => rows.map((r) => ({ value: r.value, label: r.label, count: Number(r.count) }));
  const [kind, organisation, county, topic, network, year] = await Promise.all([
    db().$queryRaw<Row[]>`SELECT s.kind::text AS value, s.kind::text AS label, count(*) AS count FROM story s WHERE ${conditions(q, f, "kind")} GROUP BY s.kind ORDER BY s.kind`,
    db().$queryRaw<Row[]>`
      SELECT o.slug AS value, coalesce(o.short_name, o.name) AS label, count(*) AS count
      FROM story s JOIN story_organisation so ON so.story_id = s.id JOIN organisation o ON o.id = so.organisation_id
      WHERE ${conditions(q, f, "organisation")} GROUP BY o.slug, label ORDER BY label`,
    db().$queryRaw<Row[]>`
      SELECT o.county AS value, o.county AS label, count(DISTINCT s.id) AS count
      FROM story s JOIN story_organisation so ON so.story_id = s.id JOIN organisation o ON o.id = so.organisation_id
      WHERE o.county IS NOT NULL AND ${conditions(q, f, "county")} GROUP BY o.county ORDER BY o.county COLLATE swedish`,
    db().$queryRaw<Row[]>`
      SELECT t.slug AS value, t.name AS label, count(*) AS count
      FROM story s JOIN story_topic st ON st.story_id = s.id JOIN topic t ON t.id = st.topic_id
      WHERE ${conditions(q, f, "topic")} GROUP BY t.slug, t.name ORDER BY t.name`,
    db().$queryRaw<Row[]>`
      SELECT n.slug AS value, n.name AS label, count(*) AS count
      FROM story s JOIN story_network sn ON sn.story_id = s.id JOIN network n ON n.id = sn.network_id
      WHERE ${conditions(q, f, "network")} GROUP BY n.slug, n.name ORDER BY n.name`,
    db().$queryRaw<Row[]>`
      SELECT y::text AS value, y::text AS label, count(*) AS count
      FROM (SELECT extract(year FROM s.published_at AT TIME ZONE ${STOCKHOLM})::int AS y FROM story s WHERE ${conditions(q, f, "year")}) x
      GROUP BY y ORDER BY y DESC`,
  ]);
  return {
    kind: toValues(kind),
    organisation: toValues(organisation),
    county: toValues(county),
    topic: toValues(topic),
    network: toValues(network),
    year: toValues(year),
  };
}

export type EntityHit = { type: "network" | "person" | "organisation"; slug: string; name: string; kind: string; description: string | null };

/** Networks, people and organisations whose name or description matches, as their own group. */
export async function searchEntities(rawQ: string, limit = 5): Promise<EntityHit[]> {
  const q = normaliseQuery(rawQ);
  if (!q) return [];
  const query = tsQuery(q);
  return db().$queryRaw<EntityHit[]>`
    (SELECT 'network' AS type, slug, name, kind::text AS kind, summary AS description FROM network
      WHERE to_tsvector('swedish', name || ' ' || summary) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})
    UNION ALL
    (SELECT 'person', slug, name, 'PERSON', title FROM person
      WHERE to_tsvector('swedish', name || ' ' || coalesce(title, '')) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})
    UNION ALL
    (SELECT 'organisation', slug, name, kind::text, county FROM organisation
      WHERE to_tsvector('swedish', name || ' ' || coalesce(short_name, '')) @@ ${query} OR strpos(lower(name), lower(${q})) > 0 ORDER BY name LIMIT ${limit})`;
}

/**
 * "Menade du …?": each word of a query that finds nothing is replaced by the closest word
 * from published titles, people's and organisations' names (trigram similarity, using the
 * trigram indexes). Returns null when no better query is found.
 */
export async function suggestQuery(rawQ: string): Promise<string | null> {
  const q = normaliseQuery(rawQ);
  const words = q.match(/[\p{L}\p{N}]{3,}/gu) ?? [];
  if (words.length === 0 || words.length > 6) return null;
  let changed = false;
  let suggestion = q;
  for (const word of words) {
    const rows = await db().$queryRaw<{ word: string; sim: number }[]>`
      WITH candidates AS (
        (SELECT title AS term FROM story WHERE status = 'PUBLISHED' AND published_at <= now() ORDER BY ${word} <<-> title LIMIT 30)
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
      suggestion = suggestion.replace(word, best.word);
      changed = true;
    }
  }
  return changed ? suggestion : null;
}

/** Whether a query would find any published story (used before offering a suggestion). */
export async function countMatches(q: string): Promise<number> {
  const rows = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM story s WHERE ${conditions(normaliseQuery(q), {})}`;
  return Number(rows[0]?.n ?? 0);
}
