import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeletePage } from "@/components/admin/entity/delete-page";
import { requireEntityId, type IdParams } from "@/components/admin/entity/params";
import { db } from "@/lib/db/client";
import { getOrganisationForEdit, getOrganisationUsage } from "@/lib/db/entities/organisations";
import { requirePermission } from "@/lib/newsroom/actor";
import { deleteOrganisationAction } from "../../actions";

export const metadata: Metadata = { title: "Ta bort organisation" };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function DeleteOrganisationPage({ params }: { params: IdParams }) {
  await requirePermission("organisation.manage");
  const id = await requireEntityId(params);
  const organisation = await getOrganisationForEdit(db(), id);
  if (!organisation) notFound();
  const usage = await getOrganisationUsage(db(), id);
  const name = organisation.name;
  const blocked = usage.ownedNetworks.length
    ? `${name} äger ${usage.ownedNetworks.join(", ")}. Byt ägare på ${usage.ownedNetworks.length === 1 ? "nätverket" : "nätverken"} innan organisationen kan tas bort.`
    : usage.stories
      ? `${name} berörs av ${count(usage.stories, "artikel", "artiklar")}. Ta bort organisationen från artiklarna innan den kan tas bort.`
      : undefined;
  const consequences = [
    `Sidan för ${name} på webbplatsen försvinner.`,
    ...(usage.people ? [`${count(usage.people, "person", "personer")} blir utan organisation.`] : []),
    ...(usage.memberships ? [`${name} tas bort som medlem i ${count(usage.memberships, "nätverk", "nätverk")}.`] : []),
    ...(usage.staff ? [`${count(usage.staff, "användare", "användare")} i redaktionen förlorar sin koppling till ${name}.`] : []),
  ];
  return (
    <DeletePage
      title={`Ta bort ${name}?`}
      consequences={consequences}
      blocked={blocked}
      action={deleteOrganisationAction}
      id={organisation.id}
      confirmLabel="Ja, ta bort organisationen"
      cancelHref={`/admin/organisationer/${organisation.id}`}
    />
  );
}
