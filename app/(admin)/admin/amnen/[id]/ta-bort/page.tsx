import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeletePage } from "@/components/admin/entity/delete-page";
import { requireEntityId, type IdParams } from "@/components/admin/entity/params";
import { db } from "@/lib/db/client";
import { getTopicForEdit, getTopicUsage } from "@/lib/db/entities/topics";
import { requirePermission } from "@/lib/newsroom/actor";
import { deleteTopicAction } from "../../actions";

export const metadata: Metadata = { title: "Ta bort ämne" };

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export default async function DeleteTopicPage({ params }: { params: IdParams }) {
  await requirePermission("taxonomy.manage");
  const id = await requireEntityId(params);
  const topic = await getTopicForEdit(db(), id);
  if (!topic) notFound();
  const usage = await getTopicUsage(db(), id);
  const consequences = [
    `Ämnessidan för ${topic.name} på webbplatsen försvinner.`,
    ...(usage.stories ? [`Ämnet tas bort från ${count(usage.stories, "artikel", "artiklar")}. Artiklarna finns kvar och är publicerade som förut.`] : []),
    ...(usage.networks ? [`Ämnet tas bort från ${count(usage.networks, "nätverk", "nätverk")}.`] : []),
  ];
  return (
    <DeletePage
      title={`Ta bort ämnet ${topic.name}?`}
      consequences={consequences}
      action={deleteTopicAction}
      id={topic.id}
      confirmLabel="Ja, ta bort ämnet"
      cancelHref={`/admin/amnen/${topic.id}`}
    />
  );
}
