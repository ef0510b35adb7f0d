import type { Metadata } from "next";
import { EntityList } from "@/components/admin/entity/entity-list";
import { ListHeader } from "@/components/admin/entity/list-header";
import { listParams, listPage, PAGE_SIZE, type SearchParams } from "@/components/admin/entity/params";
import { taxonomyColumns } from "@/components/admin/entity/taxonomy-list";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listAdminTopics } from "@/lib/db/entities/topics";
import { requireActor } from "@/lib/newsroom/actor";
import { topicPath } from "@/lib/paths";

// Topics are shared by all organisations; editors and administrators edit them, writers look.

export const metadata: Metadata = { title: "Ämnen" };

export default async function TopicsPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const list = listPage("/admin/amnen", sp, { page, q }, await listAdminTopics(db(), { q, page, pageSize: PAGE_SIZE }));
  const editable = can(actor, "taxonomy.manage");
  return (
    <>
      <ListHeader title="Ämnen" newHref={editable ? "/admin/amnen/ny" : undefined} newLabel="Nytt ämne" notice={sp.borttagen ? "Ämnet är borttaget." : undefined} />
      <EntityList list={list} one="ämne" many="ämnen" caption="Ämnen" columns={taxonomyColumns({ editable, basePath: "/admin/amnen", publicPath: topicPath })} />
    </>
  );
}
