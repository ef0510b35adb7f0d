import type { Metadata } from "next";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { ResultCount } from "@/components/admin/entity/list-header";
import { listParams, oneOf, PAGE_SIZE, pageCountOrNotFound, type SearchParams } from "@/components/admin/entity/params";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { db } from "@/lib/db/client";
import { listAuditLog } from "@/lib/db/audit";
import { formatDateTime } from "@/lib/format";
import { requirePermission } from "@/lib/newsroom/actor";

// The audit log, newest first: who did what to which item and when. Read-only and for
// administrators only; the table itself refuses changes.

export const metadata: Metadata = { title: "Logg" };

// Action prefixes ("story.publish" starts with "story.") and what to call them.
const AREAS = [
  { value: "auth.", label: "Inloggning" },
  { value: "account.", label: "Lösenord" },
  { value: "user.", label: "Användare" },
  { value: "story.", label: "Artiklar" },
  { value: "media.", label: "Bilder" },
  { value: "person.", label: "Personer" },
  { value: "topic.", label: "Ämnen" },
  { value: "series.", label: "Serier" },
  { value: "network.", label: "Nätverk" },
  { value: "organisation.", label: "Organisationer" },
  { value: "settings.", label: "Inställningar" },
];

export default async function AuditLogPage({ searchParams }: { searchParams: SearchParams }) {
  await requirePermission("audit.view");
  const sp = await searchParams;
  const { page, q } = listParams(sp);
  const area = oneOf(sp.omrade, AREAS.map((a) => a.value));
  const { rows, total } = await listAuditLog(db(), { page, pageSize: PAGE_SIZE, action: area, actor: q });
  const pageCount = pageCountOrNotFound(total, page);
  return (
    <>
      <h1 className="text-3xl font-bold">Logg</h1>
      <p className="mt-2 text-slate-700">Vem som gjorde vad och när: inloggningar, publiceringar, ändrade roller, borttagningar och nya poster. Loggen kan inte ändras.</p>
      <ListFilters path="/admin/logg" q={q} searchLabel="Sök på e-postadress" selects={[{ name: "omrade", label: "Område", options: AREAS, value: area }]} />
      <ResultCount total={total} one="händelse" many="händelser" />
      {rows.length ? (
        <table className={tableClass}>
          <caption className="sr-only">Logghändelser, nyaste först, sida {page} av {pageCount}</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Tid</th>
              <th scope="col" className={thClass}>Vem</th>
              <th scope="col" className={thClass}>Händelse</th>
              <th scope="col" className={thClass}>Beskrivning</th>
              <th scope="col" className={thClass}>IP-adress</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td className={`${tdClass} whitespace-nowrap`}>
                  <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time>
                </td>
                <td className={tdClass}>{r.actorEmail ?? "Systemet"}</td>
                <td className={tdClass}>
                  <code>{r.action}</code>
                </td>
                <td className={tdClass}>{r.summary}</td>
                <td className={tdClass}>{r.ip}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <Pagination path="/admin/logg" page={page} pageCount={pageCount} query={listQuery(sp, ["q", "omrade"])} />
    </>
  );
}
