import type { Metadata } from "next";
import { EntityList, NameLink, PublicPageLink } from "@/components/admin/entity/entity-list";
import { ListHeader } from "@/components/admin/entity/list-header";
import { listParams, oneOf, listPage, PAGE_SIZE, uuidParam, type SearchParams } from "@/components/admin/entity/params";
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
  const [networks, organisations] = await Promise.all([listAdminNetworks(db(), { q, kind, ownerId, page, pageSize: PAGE_SIZE }), listOrganisationChoices(db())]);
  const list = listPage("/admin/natverk", sp, { page, q }, networks);
  return (
    <>
      <ListHeader
        title="Nätverk"
        newHref={can(actor, "network.manage", { organisationIds: actor.organisationIds }) ? "/admin/natverk/ny" : undefined}
        newLabel="Nytt nätverk"
        notice={sp.borttagen ? "Nätverket är borttaget." : undefined}
      />
      <EntityList
        list={list}
        selects={[
          { name: "typ", label: "Typ", options: NETWORK_KINDS.map((k) => ({ value: k, label: kindLabel(k) })), value: kind },
          { name: "agare", label: "Ägare", options: organisations.map((o) => ({ value: o.id, label: o.name })), value: ownerId },
        ]}
        one="nätverk"
        many="nätverk"
        caption="Nätverk, program och projekt"
        columns={[
          {
            label: "Namn",
            rowHeader: true,
            cell: (n) => <NameLink name={n.name} href={can(actor, "network.manage", { organisationIds: n.organisationIds }) ? `/admin/natverk/${n.id}` : undefined} />,
          },
          { label: "Typ", cell: (n) => kindLabel(n.kind) },
          { label: "Ägare", cell: (n) => n.owner.name },
          { label: "Webbplatsen", cell: (n) => <PublicPageLink name={n.name} href={networkPath(n.slug)} /> },
        ]}
      />
    </>
  );
}
