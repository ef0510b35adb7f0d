import type { Metadata } from "next";
import { EditHeader } from "@/components/admin/entity/edit-header";
import { requirePermission } from "@/lib/newsroom/actor";
import { createOrganisationAction } from "../actions";
import { OrganisationForm } from "../organisation-form";

export const metadata: Metadata = { title: "Ny organisation" };

export default async function NewOrganisationPage() {
  await requirePermission("organisation.manage");
  return (
    <>
      <EditHeader title="Ny organisation" back={{ href: "/admin/organisationer", label: "Organisationer" }} />
      <OrganisationForm action={createOrganisationAction} submitLabel="Skapa organisationen" />
    </>
  );
}
