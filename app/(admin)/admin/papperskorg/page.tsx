import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { Time } from "@/components/ui/time";
import { listAdminStories } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { TRASH_DAYS } from "@/lib/db/editorial";
import { requireActor } from "@/lib/newsroom/actor";
import { parsePageParam } from "@/lib/pagination";
import { RestoreButton } from "./restore-button";
import { storyTitle } from "@/lib/newsroom/labels";

export const metadata: Metadata = { title: "Papperskorg" };

const PAGE_SIZE = 25;

export default async function TrashPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireActor();
  const page = parsePageParam((await searchParams).sida);
  if (page === null) notFound();
  const { rows, total } = await listAdminStories(db(), actor, { trash: true }, page, PAGE_SIZE);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFound();
  return (
    <>
      <h1 className="text-3xl font-bold">Papperskorg</h1>
      <p className="mt-2">Borttagna artiklar kan återställas i {TRASH_DAYS} dagar. Därefter töms de automatiskt.</p>
      {rows.length === 0 ? (
        <p className="mt-6">Papperskorgen är tom.</p>
      ) : (
        <table className={tableClass}>
          <caption className="sr-only">Artiklar i papperskorgen</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Rubrik</th>
              <th scope="col" className={thClass}>Borttagen</th>
              <th scope="col" className={thClass}>Töms</th>
              <th scope="col" className={thClass}>Åtgärd</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((s) => (
              <tr key={s.id}>
                <td className={tdClass}>{storyTitle(s.title)}</td>
                <td className={tdClass}>
                  <Time iso={s.deletedAt!} />
                </td>
                <td className={tdClass}>
                  <Time iso={new Date(new Date(s.deletedAt!).getTime() + TRASH_DAYS * 86_400_000).toISOString()} />
                </td>
                <td className={tdClass}>
                  <RestoreButton id={s.id} title={storyTitle(s.title)} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pagination path="/admin/papperskorg" page={page} pageCount={pageCount} />
    </>
  );
}
