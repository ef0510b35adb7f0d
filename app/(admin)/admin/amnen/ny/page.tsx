import type { Metadata } from "next";
import { EditHeader } from "@/components/admin/entity/edit-header";
import { TaxonomyForm } from "@/components/admin/entity/taxonomy-form";
import { requirePermission } from "@/lib/newsroom/actor";
import { createTopicAction } from "../actions";

export const metadata: Metadata = { title: "Nytt ämne" };

export default async function NewTopicPage() {
  await requirePermission("taxonomy.manage");
  return (
    <>
      <EditHeader title="Nytt ämne" back={{ href: "/admin/amnen", label: "Ämnen" }} />
      <TaxonomyForm action={createTopicAction} publicPrefix="/amnen" listHref="/admin/amnen" submitLabel="Skapa ämnet" />
    </>
  );
}
