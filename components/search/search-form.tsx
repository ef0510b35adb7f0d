import type { Facets, FacetValue } from "@/lib/db/search";
import { kindLabel } from "@/lib/format";
import { KIND_PARAM, type SearchState } from "@/lib/search-params";

/** A plain GET form: every choice becomes part of the URL, and nothing needs JavaScript. */
export function SearchForm({ state, facets }: { state: SearchState; facets: Facets }) {
  const f = state.filters;
  return (
    <form role="search" aria-label="Sök artiklar" action="/sok" method="get" className="mt-6">
      <label htmlFor="sokord" className="block font-semibold">
        Sökord
      </label>
      <div className="mt-1 flex flex-wrap gap-2">
        <input
          id="sokord"
          name="q"
          type="search"
          defaultValue={state.q}
          maxLength={200}
          className="min-w-0 flex-1 rounded border border-slate-500 px-3 py-2 text-lg"
        />
        <button type="submit" className="rounded bg-brand-800 px-5 py-2 font-semibold text-white hover:bg-brand-900">
          Sök
        </button>
      </div>
      <p className="mt-1 text-sm text-slate-600">Skriv flera ord, sätt en fras inom citattecken, använd OR för antingen eller och minus för att utesluta ett ord.</p>

      <fieldset className="mt-6 grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <legend className="mb-2 font-semibold">Avgränsa</legend>
        <FacetSelect name="typ" label="Typ" selected={f.kind ? KIND_PARAM[f.kind] : undefined} values={facets.kind.map((v) => ({ ...v, value: KIND_PARAM[v.value as "NEWS" | "INTERVIEW"], label: kindLabel(v.value) }))} />
        <FacetSelect name="kommun" label="Kommun eller organisation" selected={f.organisation} values={facets.organisation} />
        <FacetSelect name="lan" label="Län" selected={f.county} values={facets.county} />
        <FacetSelect name="amne" label="Ämne" selected={f.topic} values={facets.topic} />
        <FacetSelect name="natverk" label="Nätverk eller program" selected={f.network} values={facets.network} />
        <FacetSelect name="ar" label="År" selected={f.year ? String(f.year) : undefined} values={facets.year} />
        <div>
          <label htmlFor="sortera" className="block text-sm font-semibold">
            Sortering
          </label>
          <select id="sortera" name="sortera" defaultValue={state.sort === "newest" ? "senaste" : ""} className="mt-1 w-full rounded border border-slate-500 px-2 py-2">
            <option value="">Mest relevant först</option>
            <option value="senaste">Senaste först</option>
          </select>
        </div>
        <div className="flex items-end">
          <button type="submit" className="w-full rounded border border-brand-800 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
            Visa resultat
          </button>
        </div>
      </fieldset>
    </form>
  );
}

function FacetSelect({ name, label, selected, values }: { name: string; label: string; selected?: string; values: FacetValue[] }) {
  const id = `filter-${name}`;
  const options = selected && !values.some((v) => v.value === selected) ? [{ value: selected, label: selected, count: 0 }, ...values] : values;
  return (
    <div>
      <label htmlFor={id} className="block text-sm font-semibold">
        {label}
      </label>
      <select id={id} name={name} defaultValue={selected ?? ""} className="mt-1 w-full rounded border border-slate-500 px-2 py-2">
        <option value="">Alla</option>
        {options.map((v) => (
          <option key={v.value} value={v.value}>
            {v.label} ({v.count})
          </option>
        ))}
      </select>
    </div>
  );
}
