import "server-only";
import { db } from "./client";
import { conditions, type SearchFilters } from "./search";

export type ArchiveYear = { year: number; count: number; months: { month: number; count: number }[] };

/** Published stories per year and month (Swedish time) for a list, newest first. */
export async function listArchive(filters: SearchFilters): Promise<ArchiveYear[]> {
  const rows = await db().$queryRaw<{ y: number; m: number; n: bigint }[]>`
    SELECT extract(year FROM s.published_at AT TIME ZONE 'Europe/Stockholm')::int AS y,
           extract(month FROM s.published_at AT TIME ZONE 'Europe/Stockholm')::int AS m,
           count(*) AS n
    FROM story s WHERE ${conditions("", filters)}
    GROUP BY 1, 2 ORDER BY 1 DESC, 2 DESC`;
  const years = new Map<number, ArchiveYear>();
  for (const r of rows) {
    const year = years.get(r.y) ?? { year: r.y, count: 0, months: [] };
    year.count += Number(r.n);
    year.months.push({ month: r.m, count: Number(r.n) });
    years.set(r.y, year);
  }
  return [...years.values()];
}
