import type { Metadata } from "next";
import Link from "next/link";
import { Time } from "@/components/ui/time";
import { MarkReviewedButton } from "@/components/admin/review-date-form";
import { buttonClass } from "@/components/admin/styles";
import { listAdminStories } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { getNewsroomSummaryFor } from "@/lib/db/newsroom";
import { overdueReviews, type OverdueGroup } from "@/lib/db/review-dates";
import { requireActor } from "@/lib/newsroom/actor";
import { kindLabel } from "@/lib/format";
import { STATUS_LABELS, storyTitle } from "@/lib/newsroom/labels";
import { formatCalendarDate, REVIEW_KIND_LABELS } from "@/lib/review-dates";

export const metadata: Metadata = { title: "Översikt" };

export default async function NewsroomHome() {
  const user = await requireActor();
  const [summary, review, overdue] = await Promise.all([
    getNewsroomSummaryFor(user),
    user.role === "WRITER" ? null : listAdminStories(db(), user, { status: "IN_REVIEW" }, 1, 10),
    overdueReviews(db(), user),
  ]);
  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Välkommen, {user.name}</h1>
        <Link href="/admin/artiklar/ny" className={buttonClass("primary")}>
          Ny artikel
        </Link>
      </div>
      <p className="mt-2 text-slate-700">{user.role === "ADMIN" ? "Du ser alla organisationers artiklar." : "Du ser artiklar som rör dina organisationer."}</p>
      {review ? (
        <>
          <h2 className="mt-8 text-xl font-bold">Väntar på granskning ({review.total})</h2>
          {review.rows.length ? (
            <ul className="mt-3 list-disc pl-6">
              {review.rows.map((s) => (
                <li key={s.id}>
                  <Link href={`/admin/artiklar/${s.id}`}>{storyTitle(s.title)}</Link> – {s.createdBy ?? "okänd"}, <Time iso={s.updatedAt} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2">Inga artiklar väntar på granskning.</p>
          )}
        </>
      ) : null}
      {user.role === "WRITER" ? null : <OverdueReviews groups={overdue} />}
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
                <Link href={`/admin/artiklar/${s.id}`}>{storyTitle(s.title)}</Link>
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

/** What has passed its "granskas senast" date, per organisation (decision 024). */
function OverdueReviews({ groups }: { groups: OverdueGroup[] }) {
  return (
    <section aria-labelledby="forsenad-granskning">
      <h2 id="forsenad-granskning" className="mt-8 text-xl font-bold">
        Passerat granskningsdatum
      </h2>
      {groups.length ? (
        groups.map((g) => (
          <div key={g.organisation?.id ?? "webbplatsen"}>
            <h3 className="mt-4 font-bold">{g.organisation?.name ?? "Webbplatsen"}</h3>
            <ul className="mt-2 space-y-2">
              {g.items.map((item) => (
                <li key={`${item.kind}-${item.id}`} className="flex flex-wrap items-center gap-3">
                  <span>
                    {REVIEW_KIND_LABELS[item.kind]}: <Link href={item.href}>{item.title}</Link> – granskas senast {formatCalendarDate(item.reviewBy)}
                  </span>
                  <MarkReviewedButton kind={item.kind} id={item.id} title={item.title} />
                </li>
              ))}
            </ul>
          </div>
        ))
      ) : (
        <p className="mt-2">Inget har passerat sitt granskningsdatum.</p>
      )}
    </section>
  );
}
