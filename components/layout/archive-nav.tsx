import Link from "next/link";
import type { ArchiveYear } from "@/lib/db/archive";
import { listHref } from "@/lib/paths";
import { MONTHS, type Period } from "@/lib/period";

/** Year and month archive links for a list; the months show for the chosen year. */
export function ArchiveNav({ path, archive, selected }: { path: string; archive: ArchiveYear[]; selected?: Period }) {
  if (archive.length === 0) return null;
  const href = (p?: Period) => listHref(path, 1, p);
  const year = selected ? archive.find((y) => y.year === selected.year) : undefined;
  return (
    <nav aria-label="Arkiv" className="mb-8 rounded border border-slate-200 p-4 text-sm">
      <h2 className="font-semibold">Arkiv</h2>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        <li>{selected ? <Link href={href()}>Alla år</Link> : <span aria-current="page" className="font-semibold">Alla år</span>}</li>
        {archive.map((y) => (
          <li key={y.year}>
            {selected?.year === y.year && !selected.month ? (
              <span aria-current="page" className="font-semibold">
                {y.year} ({y.count})
              </span>
            ) : (
              <Link href={href({ year: y.year })}>
                {y.year} ({y.count})
              </Link>
            )}
          </li>
        ))}
      </ul>
      {year ? (
        <ul aria-label={`Månader ${year.year}`} className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
          {year.months.map((m) => (
            <li key={m.month}>
              {selected?.month === m.month ? (
                <span aria-current="page" className="font-semibold">
                  {MONTHS[m.month - 1]} ({m.count})
                </span>
              ) : (
                <Link href={href({ year: year.year, month: m.month })}>
                  {MONTHS[m.month - 1]} ({m.count})
                </Link>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}
