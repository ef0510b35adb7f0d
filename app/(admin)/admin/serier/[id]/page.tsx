import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeleteSection, EditHeader } from "@/components/admin/entity/edit-header";
import { requireEntityId, type IdParams, type SearchParams } from "@/components/admin/entity/params";
import { TaxonomyForm } from "@/components/admin/entity/taxonomy-form";
import { db } from "@/lib/db/client";
import { getSeriesForEdit } from "@/lib/db/entities/series";
import { requirePermission } from "@/lib/newsroom/actor";
import { seriesPath } from "@/lib/paths";
import { updateSeriesAction } from "../actions";

export const metadata: Metadata = { title: "Redigera serie" };

export default async function EditSeriesPage({ params, searchParams }: { params: IdParams; searchParams: SearchParams }) {
  await requirePermission("taxonomy.manage");
  const id = await requireEntityId(params);
  const series = await getSeriesForEdit(db(), id);
  if (!series) notFound();
  const { skapad } = await searchParams;
  return (
    <>
      <EditHeader title={series.name} back={{ href: "/admin/serier", label: "Serier" }} publicHref={seriesPath(series.slug)} notice={skapad ? "Serien är skapad." : undefined} />
      <TaxonomyForm action={updateSeriesAction} item={series} publicPrefix="/serier" listHref="/admin/serier" submitLabel="Spara ändringarna" />
      <DeleteSection href={`/admin/serier/${series.id}/ta-bort`} label={`Ta bort serien ${series.name}`} />
    </>
  );
}
