import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeleteSection, EditHeader } from "@/components/admin/entity/edit-header";
import { ReviewDateForm } from "@/components/admin/review-date-form";
import { requireEntityId, type IdParams, type SearchParams } from "@/components/admin/entity/params";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getNetworkForEdit } from "@/lib/db/entities/networks";
import { requireActor } from "@/lib/newsroom/actor";
import { networkPath } from "@/lib/paths";
import { calendarDateOf } from "@/lib/review-dates";
import { updateNetworkAction } from "../actions";
import { networkChoices } from "../load-choices";
import { NetworkForm } from "../network-form";

export const metadata: Metadata = { title: "Redigera nätverk" };

export default async function EditNetworkPage({ params, searchParams }: { params: IdParams; searchParams: SearchParams }) {
  const actor = await requireActor();
  const id = await requireEntityId(params);
  const network = await getNetworkForEdit(db(), id);
  if (!network) notFound();
  if (!can(actor, "network.manage", { organisationIds: [network.ownerId, ...network.memberIds] })) forbidden();
  const [choices, review] = await Promise.all([networkChoices(), db().network.findUniqueOrThrow({ where: { id }, select: { reviewBy: true } })]);
  const { skapad } = await searchParams;
  return (
    <>
      <EditHeader title={network.name} back={{ href: "/admin/natverk", label: "Nätverk" }} publicHref={networkPath(network.slug)} notice={skapad ? "Nätverket är skapat." : undefined} />
      <ReviewDateForm kind="network" id={network.id} reviewBy={calendarDateOf(review.reviewBy)} />
      <NetworkForm action={updateNetworkAction} network={network} {...choices} submitLabel="Spara ändringarna" />
      <DeleteSection href={`/admin/natverk/${network.id}/ta-bort`} label={`Ta bort ${network.name}`} />
    </>
  );
}
