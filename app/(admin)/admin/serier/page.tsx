import type { Metadata } from "next";
import { EntityList } from "@/components/admin/entity/entity-list";
import { ListHeader } from "@/components/admin/entity/list-header";
import { listParams, listPage, PAGE_SIZE, type SearchParams } from "@/components/admin/entity/params";
import { taxonomyColumns } from "@/components/admin/entity/taxonomy-list";
import { can } from "@/lib/auth/permissions";
import { db } from "@/lib/db/client";
import { listAdminSeries } from "@/lib/db/entities/series";
import { requireActor } from "@/lib/newsroom/actor";
import { seriesPath } from "@/lib/paths";

// Series are shared by all organisations; editors and administrators edit them, writers look.

export const metadata: Metadata = { title: "Serier" };

export default async function SeriesListPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requireActor();
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const list = listPage("/admin/serier", sp, { page, q }, await listAdminSeries(db(), { q, page, pageSize: PAGE_SIZE }));
  const editable = can(actor, "taxonomy.manage");
  return (
    <>
      <ListHeader title="Serier" newHref={editable ? "/admin/serier/ny" : undefined} newLabel="Ny serie" notice={sp.borttagen ? "Serien är borttagen." : undefined} />
      <EntityList list={list} one="serie" many="serier" caption="Serier" columns={taxonomyColumns({ editable, basePath: "/admin/serier", publicPath: seriesPath })} />
    </>
  );
}
