import Link from "next/link";

/** Numbered pages with stable URLs (?sida=N, keeping any other parameters); works without JavaScript. */
export function Pagination({ path, page, pageCount, query }: { path: string; page: number; pageCount: number; query?: Record<string, string> }) {
  if (pageCount <= 1) return null;
  const href = (p: number) => {
    const params = new URLSearchParams(query);
    if (p > 1) params.set("sida", String(p));
    const qs = params.toString();
    return qs ? `${path}?${qs}` : path;
  };
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  return (
    <nav aria-label="Sidnumrering" className="mt-10">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link rel="prev" className="inline-block rounded border border-slate-300 px-3 py-2" href={href(page - 1)}>
              ‹ Föregående<span className="sr-only"> sida</span>
            </Link>
          </li>
        ) : null}
        {pages.map((p, i) => (
          <li key={p} className="flex items-center gap-2">
            {i > 0 && p - pages[i - 1]! > 1 ? <span aria-hidden="true">…</span> : null}
            {p === page ? (
              <span aria-current="page" className="inline-block rounded bg-brand-800 px-3 py-2 font-semibold text-white">
                <span className="sr-only">Sida </span>
                {p}
              </span>
            ) : (
              <Link className="inline-block rounded border border-slate-300 px-3 py-2" href={href(p)}>
                <span className="sr-only">Sida </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link rel="next" className="inline-block rounded border border-slate-300 px-3 py-2" href={href(page + 1)}>
              Nästa<span className="sr-only"> sida</span> ›
            </Link>
          </li>
        ) : null}
      </ul>
      <p className="mt-2 text-sm text-slate-600">
        Sida {page} av {pageCount}
      </p>
    </nav>
  );
}
