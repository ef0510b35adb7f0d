import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeletePage } from "@/components/admin/entity/delete-page";
import { requireEntityId, type IdParams } from "@/components/admin/entity/params";
import { db } from "@/lib/db/client";
import { getSeriesForEdit, getSeriesUsage } from "@/lib/db/entities/series";
import { requirePermission } from "@/lib/newsroom/actor";
import { deleteSeriesAction } from "../../actions";

export const metadata: Metadata = { title: "Ta bort serie" };

export default async function DeleteSeriesPage({ params }: { params: IdParams }) {
  await requirePermission("taxonomy.manage");
  const id = await requireEntityId(params);
  const series = await getSeriesForEdit(db(), id);
  if (!series) notFound();
  const { stories } = await getSeriesUsage(db(), id);
  const consequences = [
    `Sidan för serien ${series.name} på webbplatsen försvinner.`,
    ...(stories ? [`${stories} ${stories === 1 ? "artikel" : "artiklar"} ingår i serien. De finns kvar och är publicerade som förut, men utan serie.`] : []),
  ];
  return (
    <DeletePage
      title={`Ta bort serien ${series.name}?`}
      consequences={consequences}
      action={deleteSeriesAction}
      id={series.id}
      confirmLabel="Ja, ta bort serien"
      cancelHref={`/admin/serier/${series.id}`}
    />
  );
}
