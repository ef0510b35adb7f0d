import type { Metadata } from "next";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ListHeader, ResultCount } from "@/components/admin/entity/list-header";
import { listParams, PAGE_SIZE, pageCountOrNotFound, type SearchParams } from "@/components/admin/entity/params";
import { TaxonomyTable } from "@/components/admin/entity/taxonomy-list";
import { Pagination } from "@/components/layout/pagination";
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
  const { rows, total } = await listAdminTopics(db(), { q, page, pageSize: PAGE_SIZE });
  const pageCount = pageCountOrNotFound(total, page);
  const editable = can(actor, "taxonomy.manage");
  return (
    <>
      <ListHeader title="Ämnen" newHref={editable ? "/admin/amnen/ny" : undefined} newLabel="Nytt ämne" notice={sp.borttagen ? "Ämnet är borttaget." : undefined} />
      <ListFilters path="/admin/amnen" q={q} />
      <ResultCount total={total} one="ämne" many="ämnen" />
      {rows.length ? <TaxonomyTable caption={`Ämnen, sida ${page} av ${pageCount}`} rows={rows} editable={editable} basePath="/admin/amnen" publicPath={topicPath} /> : null}
      <Pagination path="/admin/amnen" page={page} pageCount={pageCount} query={listQuery(sp, ["q"])} />
    </>
  );
}
