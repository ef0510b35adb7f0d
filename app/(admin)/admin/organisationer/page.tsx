import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ListHeader, ResultCount } from "@/components/admin/entity/list-header";
import { listParams, one, oneOf, PAGE_SIZE, pageCountOrNotFound, type SearchParams } from "@/components/admin/entity/params";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { db } from "@/lib/db/client";
import { listAdminOrganisations, listCounties } from "@/lib/db/entities/organisations";
import { kindLabel } from "@/lib/format";
import { requirePermission } from "@/lib/newsroom/actor";
import { organisationPath } from "@/lib/paths";
import { ORGANISATION_KINDS } from "@/lib/validation/entities";

// Organisations, filtered by kind and county: administrators only.

export const metadata: Metadata = { title: "Organisationer" };

export default async function OrganisationsPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("organisation.manage");
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const kind = oneOf(sp.typ, ORGANISATION_KINDS);
  const counties = await listCounties(db());
  const county = oneOf(one(sp.lan), counties);
  const { rows, total } = await listAdminOrganisations(db(), { q, kind, county, page, pageSize: PAGE_SIZE });
  const pageCount = pageCountOrNotFound(total, page);
  return (
    <>
      <ListHeader title="Organisationer" newHref="/admin/organisationer/ny" newLabel="Ny organisation" notice={sp.borttagen ? "Organisationen är borttagen." : undefined} />
      <ListFilters
        path="/admin/organisationer"
        q={q}
        selects={[
          { name: "typ", label: "Typ", options: ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })), value: kind },
          { name: "lan", label: "Län", options: counties.map((c) => ({ value: c, label: c })), value: county },
        ]}
      />
      <ResultCount total={total} one="organisation" many="organisationer" />
      {rows.length ? (
        <table className={tableClass}>
          <caption className="sr-only">Organisationer, sida {page} av {pageCount}</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Namn</th>
              <th scope="col" className={thClass}>Typ</th>
              <th scope="col" className={thClass}>Län</th>
              <th scope="col" className={thClass}>Webbplatsen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((o) => (
              <tr key={o.id}>
                <th scope="row" className={`${tdClass} font-normal`}>
                  <Link href={`/admin/organisationer/${o.id}`}>{o.name}</Link>
                </th>
                <td className={tdClass}>{kindLabel(o.kind)}</td>
                <td className={tdClass}>{o.county}</td>
                <td className={tdClass}>
                  <Link href={organisationPath(o)}>
                    Visa<span className="sr-only"> {o.name} på webbplatsen</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/organisationer" page={page} pageCount={pageCount} query={listQuery(sp, ["q", "typ", "lan"])} />
    </>
  );
}
