import type { Metadata } from "next";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ListHeader, ResultCount } from "@/components/admin/entity/list-header";
import { listParams, PAGE_SIZE, pageCountOrNotFound, type SearchParams } from "@/components/admin/entity/params";
import { TaxonomyTable } from "@/components/admin/entity/taxonomy-list";
import { Pagination } from "@/components/layout/pagination";
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
  const { rows, total } = await listAdminSeries(db(), { q, page, pageSize: PAGE_SIZE });
  const pageCount = pageCountOrNotFound(total, page);
  const editable = can(actor, "taxonomy.manage");
  return (
    <>
      <ListHeader title="Serier" newHref={editable ? "/admin/serier/ny" : undefined} newLabel="Ny serie" notice={sp.borttagen ? "Serien är borttagen." : undefined} />
      <ListFilters path="/admin/serier" q={q} />
      <ResultCount total={total} one="serie" many="serier" />
      {rows.length ? <TaxonomyTable caption={`Serier, sida ${page} av ${pageCount}`} rows={rows} editable={editable} basePath="/admin/serier" publicPath={seriesPath} /> : null}
      <Pagination path="/admin/serier" page={page} pageCount={pageCount} query={listQuery(sp, ["q"])} />
    </>
  );
}
