import type { Metadata } from "next";
import { EditHeader } from "@/components/admin/entity/edit-header";
import { TaxonomyForm } from "@/components/admin/entity/taxonomy-form";
import { requirePermission } from "@/lib/newsroom/actor";
import { createSeriesAction } from "../actions";

export const metadata: Metadata = { title: "Ny serie" };

export default async function NewSeriesPage() {
  await requirePermission("taxonomy.manage");
  return (
    <>
      <EditHeader title="Ny serie" back={{ href: "/admin/serier", label: "Serier" }} />
      <TaxonomyForm action={createSeriesAction} publicPrefix="/serier" listHref="/admin/serier" submitLabel="Skapa serien" />
    </>
  );
}
