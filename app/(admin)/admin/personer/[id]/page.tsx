import type { Metadata } from "next";
import { forbidden, notFound } from "next/navigation";
import { DeleteSection, EditHeader } from "@/components/admin/entity/edit-header";
import { requireEntityId, type IdParams, type SearchParams } from "@/components/admin/entity/params";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { getPersonForEdit } from "@/lib/db/entities/people";
import { requireActor } from "@/lib/newsroom/actor";
import { personPath } from "@/lib/paths";
import { updatePersonAction } from "../actions";
import { PersonForm } from "../person-form";

export const metadata: Metadata = { title: "Redigera person" };

export default async function EditPersonPage({ params, searchParams }: { params: IdParams; searchParams: SearchParams }) {
  const actor = await requireActor();
  const id = await requireEntityId(params);
  const person = await getPersonForEdit(db(), id);
  if (!person) notFound();
  if (!can(actor, "person.manage", { organisationId: person.organisationId })) forbidden();
  const organisations = (await listOrganisationChoices(db())).filter((o) => actor.role === "ADMIN" || actor.organisationIds.includes(o.id));
  const { skapad } = await searchParams;
  return (
    <>
      <EditHeader title={person.name} back={{ href: "/admin/personer", label: "Personer" }} publicHref={personPath(person.slug)} notice={skapad ? "Personen är skapad." : undefined} />
      <PersonForm action={updatePersonAction} person={person} organisations={organisations} submitLabel="Spara ändringarna" />
      <DeleteSection href={`/admin/personer/${person.id}/ta-bort`} label={`Ta bort ${person.name}`} />
    </>
  );
}
