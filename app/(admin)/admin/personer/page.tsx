import type { Metadata } from "next";
import Link from "next/link";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ListHeader, ResultCount } from "@/components/admin/entity/list-header";
import { listParams, PAGE_SIZE, pageCountOrNotFound, uuidParam, type SearchParams } from "@/components/admin/entity/params";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listAdminPeople } from "@/lib/db/entities/people";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { requireActor } from "@/lib/newsroom/actor";
import { personPath } from "@/lib/paths";

// People, searchable by name and filtered by organisation. Everyone in the newsroom may look;
// editors edit the people of their organisations and those without one.

export const metadata: Metadata = { title: "Personer" };

export default async function PeoplePage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const organisationId = uuidParam(sp.organisation);
  const [{ rows, total }, organisations] = await Promise.all([listAdminPeople(db(), { q, organisationId, page, pageSize: PAGE_SIZE }), listOrganisationChoices(db())]);
  const pageCount = pageCountOrNotFound(total, page);
  return (
    <>
      <ListHeader
        title="Personer"
        newHref={can(actor, "person.manage", { organisationId: null }) ? "/admin/personer/ny" : undefined}
        newLabel="Ny person"
        notice={sp.borttagen ? "Personen är borttagen." : undefined}
      />
      <ListFilters
        path="/admin/personer"
        q={q}
        selects={[{ name: "organisation", label: "Organisation", options: organisations.map((o) => ({ value: o.id, label: o.name })), value: organisationId }]}
      />
      <ResultCount total={total} one="person" many="personer" />
      {rows.length ? (
        <table className={tableClass}>
          <caption className="sr-only">Personer, sida {page} av {pageCount}</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Namn</th>
              <th scope="col" className={thClass}>Titel</th>
              <th scope="col" className={thClass}>Organisation</th>
              <th scope="col" className={thClass}>Webbplatsen</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((p) => (
              <tr key={p.id}>
                <th scope="row" className={`${tdClass} font-normal`}>
                  {can(actor, "person.manage", { organisationId: p.organisation?.id ?? null }) ? <Link href={`/admin/personer/${p.id}`}>{p.name}</Link> : p.name}
                </th>
                <td className={tdClass}>{p.title}</td>
                <td className={tdClass}>{p.organisation?.name}</td>
                <td className={tdClass}>
                  <Link href={personPath(p.slug)}>
                    Visa<span className="sr-only"> {p.name} på webbplatsen</span>
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/personer" page={page} pageCount={pageCount} query={listQuery(sp, ["q", "organisation"])} />
    </>
  );
}
