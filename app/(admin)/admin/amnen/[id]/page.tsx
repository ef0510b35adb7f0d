import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteSection, EditHeader } from "@/components/admin/entity/edit-header";
import { requireEntityId, type IdParams, type SearchParams } from "@/components/admin/entity/params";
import { TaxonomyForm } from "@/components/admin/entity/taxonomy-form";
import { db } from "@/lib/db/client";
import { getTopicForEdit } from "@/lib/db/entities/topics";
import { requirePermission } from "@/lib/newsroom/actor";
import { topicPath } from "@/lib/paths";
import { updateTopicAction } from "../actions";

export const metadata: Metadata = { title: "Redigera ämne" };

export default async function EditTopicPage({ params, searchParams }: { params: IdParams; searchParams: SearchParams }) {
  await requirePermission("taxonomy.manage");
  const id = await requireEntityId(params);
  const topic = await getTopicForEdit(db(), id);
  if (!topic) notFound();
  const { skapad } = await searchParams;
  return (
    <>
      <EditHeader title={topic.name} back={{ href: "/admin/amnen", label: "Ämnen" }} publicHref={topicPath(topic.slug)} notice={skapad ? "Ämnet är skapat." : undefined} />
      <TaxonomyForm action={updateTopicAction} item={topic} publicPrefix="/amnen" listHref="/admin/amnen" submitLabel="Spara ändringarna" />
      <DeleteSection href={`/admin/amnen/${topic.id}/ta-bort`} label={`Ta bort ämnet ${topic.name}`} />
    </>
  );
}
