import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteSection, EditHeader } from "@/components/admin/entity/edit-header";
import { requireEntityId, type IdParams, type SearchParams } from "@/components/admin/entity/params";
import { db } from "@/lib/db/client";
import { getOrganisationForEdit } from "@/lib/db/entities/organisations";
import { requirePermission } from "@/lib/newsroom/actor";
import { organisationPath } from "@/lib/paths";
import { updateOrganisationAction } from "../actions";
import { OrganisationForm } from "../organisation-form";

export const metadata: Metadata = { title: "Redigera organisation" };

export default async function EditOrganisationPage({ params, searchParams }: { params: IdParams; searchParams: SearchParams }) {
  await requirePermission("organisation.manage");
  const id = await requireEntityId(params);
  const organisation = await getOrganisationForEdit(db(), id);
  if (!organisation) notFound();
  const { skapad } = await searchParams;
  return (
    <>
      <EditHeader
        title={organisation.name}
        back={{ href: "/admin/organisationer", label: "Organisationer" }}
        publicHref={organisationPath(organisation)}
        notice={skapad ? "Organisationen är skapad." : undefined}
      />
      <OrganisationForm action={updateOrganisationAction} organisation={organisation} submitLabel="Spara ändringarna" />
      <DeleteSection href={`/admin/organisationer/${organisation.id}/ta-bort`} label={`Ta bort ${organisation.name}`} />
    </>
  );
}
