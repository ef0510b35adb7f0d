import type { Metadata } from "next";
import { EntityList, NameLink, PublicPageLink } from "@/components/admin/entity/entity-list";
import { ListHeader } from "@/components/admin/entity/list-header";
import { listParams, listPage, PAGE_SIZE, uuidParam, type SearchParams } from "@/components/admin/entity/params";
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
  const [people, organisations] = await Promise.all([listAdminPeople(db(), { q, organisationId, page, pageSize: PAGE_SIZE }), listOrganisationChoices(db())]);
  const list = listPage("/admin/personer", sp, { page, q }, people);
  return (
    <>
      <ListHeader
        title="Personer"
        newHref={can(actor, "person.manage", { organisationId: null }) ? "/admin/personer/ny" : undefined}
        newLabel="Ny person"
        notice={sp.borttagen ? "Personen är borttagen." : undefined}
      />
      <EntityList
        list={list}
        selects={[{ name: "organisation", label: "Organisation", options: organisations.map((o) => ({ value: o.id, label: o.name })), value: organisationId }]}
        one="person"
        many="personer"
        caption="Personer"
        columns={[
          {
            label: "Namn",
            rowHeader: true,
            cell: (p) => <NameLink name={p.name} href={can(actor, "person.manage", { organisationId: p.organisation?.id ?? null }) ? `/admin/personer/${p.id}` : undefined} />,
          },
          { label: "Titel", cell: (p) => p.title },
          { label: "Organisation", cell: (p) => p.organisation?.name },
          { label: "Webbplatsen", cell: (p) => <PublicPageLink name={p.name} href={personPath(p.slug)} /> },
        ]}
      />
    </>
  );
}
