import Link from "next/link";

// prefetch: false for /sok, whose query addresses proxy.ts rewrites to a per-request page: a
// prefetched copy of the stored /sok (which reads no query) would stand in for them.
type Props = { page: number; pageCount: number; prefetch?: boolean } & (
  | { /** The address of page p: public lists use path segments (listHref). */ href: (p: number) => string }
  | { /** Or `path?sida=N`, keeping the other parameters (search, newsroom lists). */ path: string; query?: Record<string, string> }
);

/** Numbered pages with stable URLs; works without JavaScript. */
export function Pagination(props: Props) {
  const { page, pageCount } = props;
  if (pageCount <= 1) return null;
  const href = "href" in props ? props.href : (p: number) => queryHref(props.path, p, props.query);
  const pages = Array.from({ length: pageCount }, (_, i) => i + 1).filter((p) => p === 1 || p === pageCount || Math.abs(p - page) <= 2);
  return (
    <nav aria-label="Sidnumrering" className="mt-10">
      <ul className="flex flex-wrap items-center gap-2">
        {page > 1 ? (
          <li>
            <Link prefetch={props.prefetch} rel="prev" className="inline-block rounded border border-slate-300 px-3 py-2" href={href(page - 1)}>
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
              <Link prefetch={props.prefetch} className="inline-block rounded border border-slate-300 px-3 py-2" href={href(p)}>
                <span className="sr-only">Sida </span>
                {p}
              </Link>
            )}
          </li>
        ))}
        {page < pageCount ? (
          <li>
            <Link prefetch={props.prefetch} rel="next" className="inline-block rounded border border-slate-300 px-3 py-2" href={href(page + 1)}>
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

function queryHref(path: string, page: number, query?: Record<string, string>): string {
  const params = new URLSearchParams(query);
  if (page > 1) params.set("sida", String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
