import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { buttonClass, tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { Time } from "@/components/ui/time";
import { listAdminStories, STATUSES, storyOptions, type AdminStoryFilter } from "@/lib/db/admin-stories";
import { db } from "@/lib/db/client";
import { isUuid } from "@/lib/db/editorial";
import { kindLabel } from "@/lib/format";
import { requireActor } from "@/lib/newsroom/actor";
import { STATUS_LABELS, storyTitle } from "@/lib/newsroom/labels";
import { parsePageParam } from "@/lib/pagination";
import { BULK_FORM_ID, BulkStoryForm } from "./bulk-form";

export const metadata: Metadata = { title: "Artiklar" };

const PAGE_SIZE = 25;
type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function one(v: string | string[] | undefined): string | undefined {
  return Array.isArray(v) ? v[0] : v || undefined;
}

const WIDE_ONLY = "hidden sm:table-cell";

export default async function StoriesPage({ searchParams }: Props) {
  const actor = await requireActor();
  const params = await searchParams;
  const page = parsePageParam(params.sida);
  if (page === null) notFound();
  const status = one(params.status);
  const kind = one(params.typ);
  const org = one(params.organisation);
  const topic = one(params.amne);
  const author = one(params.skapad_av);
  const filter: AdminStoryFilter = {
    q: one(params.q)?.slice(0, 200),
    status: STATUSES.find((s) => s === status),
    kind: kind === "NEWS" || kind === "INTERVIEW" ? kind : undefined,
    organisationId: isUuid(org) ? org : undefined,
    topicId: isUuid(topic) ? topic : undefined,
    createdById: author && /^[A-Za-z0-9_-]{1,64}$/.test(author) ? author : undefined,
  };
  const [{ rows, total }, options] = await Promise.all([listAdminStories(db(), actor, filter, page, PAGE_SIZE), storyOptions(db())]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFound();

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Artiklar</h1>
        <Link href="/admin/artiklar/ny" className={buttonClass("primary")}>
          Ny artikel
        </Link>
      </div>
      <ListFilters
        path="/admin/artiklar"
        q={filter.q}
        searchLabel="Sök på rubrik"
        selects={[
          { name: "status", label: "Status", value: filter.status, options: STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s]! })) },
          { name: "typ", label: "Typ", value: filter.kind, options: [{ value: "NEWS", label: "Nyhet" }, { value: "INTERVIEW", label: "Intervju" }] },
          { name: "organisation", label: "Organisation", value: filter.organisationId, options: options.organisations },
          { name: "amne", label: "Ämne", value: filter.topicId, options: options.topics },
          { name: "skapad_av", label: "Skapad av", value: filter.createdById, options: options.authors },
        ]}
      />
      <p className="mt-4" aria-live="polite">
        {total === 1 ? "1 artikel" : `${total} artiklar`}
      </p>
      {/* Always there, so its message outlives the rows it removed. */}
      <BulkStoryForm />
      {/* On a phone the secondary columns step aside, so the list fits 320 px. */}
      <table className={`${tableClass} break-words`}>
        <caption className="sr-only">Artiklar, senast ändrade först</caption>
        <thead>
          <tr>
            <th scope="col" className={`${thClass} w-8`}>
              <span className="sr-only">Välj</span>
            </th>
            <th scope="col" className={thClass}>Rubrik</th>
            <th scope="col" className={`${thClass} ${WIDE_ONLY}`}>Typ</th>
            <th scope="col" className={thClass}>Status</th>
            <th scope="col" className={`${thClass} ${WIDE_ONLY}`}>Organisationer</th>
            <th scope="col" className={`${thClass} ${WIDE_ONLY}`}>Skapad av</th>
            <th scope="col" className={thClass}>Ändrad</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((s) => (
            <tr key={s.id}>
              <td className={tdClass}>
                <input type="checkbox" name="id" value={s.id} form={BULK_FORM_ID} aria-label={`Välj ”${storyTitle(s.title)}”`} className="h-5 w-5" />
              </td>
              <td className={`${tdClass} min-w-0`}>
                <Link href={`/admin/artiklar/${s.id}`}>{storyTitle(s.title)}</Link>
              </td>
              <td className={`${tdClass} ${WIDE_ONLY}`}>{kindLabel(s.kind)}</td>
              <td className={tdClass}>{STATUS_LABELS[s.status] ?? s.status}</td>
              <td className={`${tdClass} ${WIDE_ONLY}`}>{s.organisations.join(", ")}</td>
              <td className={`${tdClass} ${WIDE_ONLY}`}>{s.createdBy ?? "–"}</td>
              <td className={tdClass}>
                <Time iso={s.updatedAt} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="mt-4">Inga artiklar matchar filtret.</p> : null}
      <Pagination path="/admin/artiklar" page={page} pageCount={pageCount} query={listQuery(params, ["q", "status", "typ", "organisation", "amne", "skapad_av"])} />
    </>
  );
}
