import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { EditHeader } from "@/components/admin/entity/edit-header";
import { can } from "@/lib/auth/permissions";
import { requireActor } from "@/lib/newsroom/actor";
import { createNetworkAction } from "../actions";
import { networkChoices } from "../load-choices";
import { NetworkForm } from "../network-form";

export const metadata: Metadata = { title: "Nytt nätverk" };

export default async function NewNetworkPage() {
  const actor = await requireActor();
  // A network of the editor's own organisations; administrators any.
  if (!can(actor, "network.manage", { organisationIds: actor.organisationIds })) forbidden();
  const choices = await networkChoices();
  return (
    <>
      <EditHeader title="Nytt nätverk" back={{ href: "/admin/natverk", label: "Nätverk" }} />
      <NetworkForm action={createNetworkAction} {...choices} submitLabel="Skapa nätverket" />
    </>
  );
}
