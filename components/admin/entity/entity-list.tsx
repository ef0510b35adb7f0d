import Link from "next/link";
import type { ReactNode } from "react";
import { ListFilters, listQuery, type FilterSelect } from "@/components/admin/list-filters";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { ResultCount } from "./list-header";
import type { ListPage } from "./params";

// The body of a newsroom list page below its heading: the search and filter form, how many
// items match, one page of them as a table with a caption, and the page links (which keep
// the search and filters). Each page says only which columns it shows.

export type Column<T> = {
  label: string;
  cell: (row: T) => ReactNode;
  /** The cell that names the row (a row header for screen readers). */
  rowHeader?: boolean;
  /** Extra classes for the column's cells. */
  className?: string;
};

type Props<T> = {
  list: ListPage<T>;
  searchLabel?: string;
  selects?: FilterSelect[];
  /** The item in the count: "person" and "personer". */
  one: string;
  many: string;
  /** The table's caption before ", sida N av M". */
  caption: string;
  columns: Column<T>[];
};

export function EntityList<T extends { id: string }>({ list, searchLabel, selects = [], one, many, caption, columns }: Props<T>) {
  const { path, q, page, pageCount, rows, total } = list;
  return (
    <>
      <ListFilters path={path} q={q} searchLabel={searchLabel} selects={selects} />
      <ResultCount total={total} one={one} many={many} />
      {rows.length ? (
        <table className={tableClass}>
          <caption className="sr-only">{`${caption}, sida ${page} av ${pageCount}`}</caption>
          <thead>
            <tr>
              {columns.map((c) => (
                <th key={c.label} scope="col" className={thClass}>
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.label} scope="row" className={`${tdClass} font-normal`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.label} className={c.className ? `${tdClass} ${c.className}` : tdClass}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path={path} page={page} pageCount={pageCount} query={listQuery(list.searchParams, ["q", ...selects.map((s) => s.name)])} />
    </>
  );
}

/** An item's name, linked to its edit page for those who may edit it (no href otherwise). */
export function NameLink({ name, href }: { name: string; href?: string }) {
  return href ? <Link href={href}>{name}</Link> : name;
}

/** A link to the item's page on the public site, named for screen readers. */
export function PublicPageLink({ name, href }: { name: string; href: string }) {
  return (
    <Link href={href}>
      Visa<span className="sr-only"> {name} på webbplatsen</span>
    </Link>
  );
}
