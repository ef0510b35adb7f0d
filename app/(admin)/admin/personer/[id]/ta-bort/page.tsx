import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeletePage } from "@/components/admin/entity/delete-page";
import { requireEntityId, type IdParams } from "@/components/admin/entity/params";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { getPersonForEdit, getPersonUsage } from "@/lib/db/entities/people";
import { requireActor } from "@/lib/newsroom/actor";
import { deletePersonAction } from "../../actions";

export const metadata: Metadata = { title: "Ta bort person" };

export default async function DeletePersonPage({ params }: { params: IdParams }) {
  const actor = await requireActor();
  const id = await requireEntityId(params);
  const person = await getPersonForEdit(db(), id);
  if (!person) notFound();
  if (!can(actor, "person.manage", { organisationId: person.organisationId })) forbidden();
  const usage = await getPersonUsage(db(), id);
  const consequences = [
    `Sidan för ${person.name} på webbplatsen försvinner.`,
    ...(usage.networks.length ? [`${person.name} tas bort som samordnare för ${usage.networks.join(", ")}.`] : []),
  ];
  return (
    <DeletePage
      title={`Ta bort ${person.name}?`}
      consequences={consequences}
      blocked={usage.stories ? `${person.name} förekommer i ${usage.stories} ${usage.stories === 1 ? "artikel" : "artiklar"} och kan inte tas bort förrän personen tagits bort från dem.` : undefined}
      action={deletePersonAction}
      id={person.id}
      confirmLabel="Ja, ta bort personen"
      cancelHref={`/admin/personer/${person.id}`}
    />
  );
}
