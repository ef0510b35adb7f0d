import type { Metadata } from "next";
import Link from "next/link";
import { Time } from "@/components/ui/time";
import { requireStaffUser } from "@/lib/auth/session";
import { getNewsroomSummaryFor } from "@/lib/db/newsroom";
import { kindLabel } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/newsroom/labels";

export const metadata: Metadata = { title: "Översikt" };


export default async function NewsroomHome() {
  const user = await requireStaffUser();
  const summary = await getNewsroomSummaryFor(user);
  return (
    <>
      <h1 className="text-3xl font-bold">Välkommen, {user.name}</h1>
      <p className="mt-2 text-slate-700">{user.role === "ADMIN" ? "Du ser alla organisationers artiklar." : "Du ser artiklar som rör dina organisationer."}</p>
      <h2 className="mt-8 text-xl font-bold">Artiklar efter status</h2>
      <dl className="mt-3 grid grid-cols-2 gap-4 sm:grid-cols-5">
        {Object.entries(STATUS_LABELS).map(([status, label]) => (
          <div key={status} className="rounded border border-slate-200 p-3">
            <dt className="text-sm text-slate-700">{label}</dt>
            <dd className="text-2xl font-bold">{summary.storiesByStatus[status] ?? 0}</dd>
          </div>
        ))}
      </dl>
      <h2 className="mt-8 text-xl font-bold">Senast ändrade</h2>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">De tio senast ändrade artiklarna</caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="py-2">Rubrik</th>
            <th scope="col">Typ</th>
            <th scope="col">Status</th>
            <th scope="col">Ändrad</th>
          </tr>
        </thead>
        <tbody>
          {summary.latest.map((s) => (
            <tr key={s.id} className="border-b border-slate-100">
              <td className="py-2">
                <Link href={`/admin/artiklar/${s.id}`}>{s.title}</Link>
              </td>
              <td>{kindLabel(s.kind)}</td>
              <td>{STATUS_LABELS[s.status] ?? s.status}</td>
              <td>
                <Time iso={s.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
