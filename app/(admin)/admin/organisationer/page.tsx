import type { Metadata } from "next";
import { EntityList, NameLink, PublicPageLink } from "@/components/admin/entity/entity-list";
import { ListHeader } from "@/components/admin/entity/list-header";
import { listParams, one, oneOf, listPage, PAGE_SIZE, type SearchParams } from "@/components/admin/entity/params";
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
  const list = listPage("/admin/organisationer", sp, { page, q }, await listAdminOrganisations(db(), { q, kind, county, page, pageSize: PAGE_SIZE }));
  return (
    <>
      <ListHeader title="Organisationer" newHref="/admin/organisationer/ny" newLabel="Ny organisation" notice={sp.borttagen ? "Organisationen är borttagen." : undefined} />
      <EntityList
        list={list}
        selects={[
          { name: "typ", label: "Typ", options: ORGANISATION_KINDS.map((k) => ({ value: k, label: kindLabel(k) })), value: kind },
          { name: "lan", label: "Län", options: counties.map((c) => ({ value: c, label: c })), value: county },
        ]}
        one="organisation"
        many="organisationer"
        caption="Organisationer"
        columns={[
          { label: "Namn", rowHeader: true, cell: (o) => <NameLink name={o.name} href={`/admin/organisationer/${o.id}`} /> },
          { label: "Typ", cell: (o) => kindLabel(o.kind) },
          { label: "Län", cell: (o) => o.county },
          { label: "Webbplatsen", cell: (o) => <PublicPageLink name={o.name} href={organisationPath(o)} /> },
        ]}
      />
    </>
  );
}
