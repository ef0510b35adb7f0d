import Link from "next/link";
import { buttonClass } from "./styles";

// A GET form above a newsroom list: a title search and select filters, all kept in the URL,
// so lists work without JavaScript and can be bookmarked.

export type FilterSelect = { name: string; label: string; options: { value: string; label: string }[]; value?: string };

export function ListFilters({ path, q, searchLabel = "Sök på namn", selects = [] }: { path: string; q?: string; searchLabel?: string; selects?: FilterSelect[] }) {
  return (
    <form method="get" action={path} role="search" aria-label="Filtrera listan" className="mt-6 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-slate-50 p-3">
      <div className="max-w-full">
        <label htmlFor="filter-q" className="block text-sm font-semibold">
          {searchLabel}
        </label>
        <input id="filter-q" name="q" type="search" defaultValue={q} className="mt-1 max-w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      {selects.map((s) => (
        // A long option (an organisation's name) must not widen the page on a phone.
        <div key={s.name} className="max-w-full">
          <label htmlFor={`filter-${s.name}`} className="block text-sm font-semibold">
            {s.label}
          </label>
          <select id={`filter-${s.name}`} name={s.name} defaultValue={s.value ?? ""} className="mt-1 max-w-full rounded border border-slate-500 px-3 py-2">
            <option value="">Alla</option>
            {s.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      ))}
      <button type="submit" className={buttonClass("secondary")}>
        Filtrera
      </button>
      <Link href={path} className="py-2">
        Rensa filter
      </Link>
    </form>
  );
}

/** The query parameters of a list page as a plain record (first value of each), for pagination links. */
export function listQuery(params: Record<string, string | string[] | undefined>, names: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const n of names) {
    const v = params[n];
    const s = Array.isArray(v) ? v[0] : v;
    if (s) out[n] = s;
  }
  return out;
}
