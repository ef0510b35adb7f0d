import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ListHeader, ResultCount } from "@/components/admin/entity/list-header";
import { listParams, oneOf, PAGE_SIZE, pageCountOrNotFound, uuidParam, type SearchParams } from "@/components/admin/entity/params";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listAdminNetworks } from "@/lib/db/entities/networks";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { kindLabel } from "@/lib/format";
import { requireActor } from "@/lib/newsroom/actor";
import { networkPath } from "@/lib/paths";
import { NETWORK_KINDS } from "@/lib/validation/entities";

// Networks, programmes and projects, filtered by kind and owner. Everyone may look; editors
// edit those their organisations own or belong to.

export const metadata: Metadata = { title: "Nätverk" };

export default async function NetworksPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const kind = oneOf(sp.typ, NETWORK_KINDS);
  const ownerId = uuidParam(sp.agare);
  const [{ rows, total }, organisations] = await Promise.all([listAdminNetworks(db(), { q, kind, ownerId, page, pageSize: PAGE_SIZE }), listOrganisationChoices(db())]);
  const pageCount = pageCountOrNotFound(total, page);
  return (
    <>
      <ListHeader
        title="Nätverk"
        newHref={can(actor, "network.manage", { organisationIds: actor.organisationIds }) ? "/admin/natverk/ny" : undefined}
        newLabel="Nytt nätverk"
        notice={sp.borttagen ? "Nätverket är borttaget." : undefined}
      />
      <ListFilters
        path="/admin/natverk"
        q={q}
        selects={[
          { name: "typ", label: "Typ", options: NETWORK_KINDS.map((k) => ({ value: k, label: kindLabel(k) })), value: kind },
          { name: "agare", label: "Ägare", options: organisations.map((o) => ({ value: o.id, label: o.name })), value: ownerId },
        ]}
      />
      <ResultCount total={total} one="nätverk" many="nätverk" />
      {rows.length ? (
        <table className={tableClass}>
          <caption className="sr-only">Nätverk, program och projekt, sida {page} av {pageCount}</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Namn</th>
              <th scope="col" className={thClass}>Typ</th>
              <th scope="col" className={thClass}>Ägare</th>
              <th scope="col" className={thClass}>Webbplatsen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((n) => (
              <tr key={n.id}>
                <th scope="row" className={`${tdClass} font-normal`}>
                  {can(actor, "network.manage", { organisationIds: n.organisationIds }) ? <Link href={`/admin/natverk/${n.id}`}>{n.name}</Link> : n.name}
                </th>
                <td className={tdClass}>{kindLabel(n.kind)}</td>
                <td className={tdClass}>{n.owner.name}</td>
                <td className={tdClass}>
                  <Link href={networkPath(n.slug)}>
                    Visa<span className="sr-only"> {n.name} på webbplatsen</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/natverk" page={page} pageCount={pageCount} query={listQuery(sp, ["q", "typ", "agare"])} />
    </>
  );
}
