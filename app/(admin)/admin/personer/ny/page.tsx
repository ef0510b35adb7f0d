import type { Metadata } from "next";
import { EditHeader } from "@/components/admin/entity/edit-header";
import { db } from "@/lib/db/client";
import { listOrganisationChoices } from "@/lib/db/entities/organisations";
import { requirePermission } from "@/lib/newsroom/actor";
import { createPersonAction } from "../actions";
import { PersonForm } from "../person-form";

export const metadata: Metadata = { title: "Ny person" };

export default async function NewPersonPage() {
  const actor = await requirePermission("person.manage", { organisationId: null });
  const organisations = (await listOrganisationChoices(db())).filter((o) => actor.role === "ADMIN" || actor.organisationIds.includes(o.id));
  return (
    <>
      <EditHeader title="Ny person" back={{ href: "/admin/personer", label: "Personer" }} />
      <PersonForm action={createPersonAction} organisations={organisations} submitLabel="Skapa personen" />
    </>
  );
}
