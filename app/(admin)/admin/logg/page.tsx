import type { Metadata } from "next";
import { EntityList } from "@/components/admin/entity/entity-list";
import { listParams, oneOf, listPage, PAGE_SIZE, type SearchParams } from "@/components/admin/entity/params";
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
  const list = listPage("/admin/logg", sp, { page, q }, await listAuditLog(db(), { page, pageSize: PAGE_SIZE, action: area, actor: q }));
  return (
    <>
      <h1 className="text-3xl font-bold">Logg</h1>
      <p className="mt-2 text-slate-700">Vem som gjorde vad och när: inloggningar, publiceringar, ändrade roller, borttagningar och nya poster. Loggen kan inte ändras.</p>
      <EntityList
        list={list}
        searchLabel="Sök på e-postadress"
        selects={[{ name: "omrade", label: "Område", options: AREAS, value: area }]}
        one="händelse"
        many="händelser"
        caption="Logghändelser, nyaste först"
        columns={[
          { label: "Tid", className: "whitespace-nowrap", cell: (r) => <time dateTime={r.createdAt}>{formatDateTime(r.createdAt)}</time> },
          { label: "Vem", cell: (r) => r.actorEmail ?? "Systemet" },
          { label: "Händelse", cell: (r) => <code>{r.action}</code> },
          { label: "Beskrivning", cell: (r) => r.summary },
          { label: "IP-adress", cell: (r) => r.ip },
        ]}
      />
    </>
  );
}
