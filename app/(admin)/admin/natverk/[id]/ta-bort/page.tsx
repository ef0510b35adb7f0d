import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeletePage } from "@/components/admin/entity/delete-page";
import { requireEntityId, type IdParams } from "@/components/admin/entity/params";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getNetworkForEdit, getNetworkUsage } from "@/lib/db/entities/networks";
import { requireActor } from "@/lib/newsroom/actor";
import { deleteNetworkAction } from "../../actions";

export const metadata: Metadata = { title: "Ta bort nätverk" };

export default async function DeleteNetworkPage({ params }: { params: IdParams }) {
  const actor = await requireActor();
  const id = await requireEntityId(params);
  const network = await getNetworkForEdit(db(), id);
  if (!network) notFound();
  if (!can(actor, "network.manage", { organisationIds: [network.ownerId, ...network.memberIds] })) forbidden();
  const { stories } = await getNetworkUsage(db(), id);
  const consequences = [
    `Sidan för ${network.name} på webbplatsen försvinner, med dess mål, möten och medlemslista.`,
    ...(stories ? [`${stories} ${stories === 1 ? "artikel länkar" : "artiklar länkar"} till nätverket. Länken tas bort; artiklarna finns kvar och är publicerade som förut.`] : []),
  ];
  return (
    <DeletePage
      title={`Ta bort ${network.name}?`}
      consequences={consequences}
      action={deleteNetworkAction}
      id={network.id}
      confirmLabel="Ja, ta bort nätverket"
      cancelHref={`/admin/natverk/${network.id}`}
    />
  );
}
