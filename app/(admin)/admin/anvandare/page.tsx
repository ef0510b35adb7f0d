import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ListFilters, listQuery } from "@/components/admin/list-filters";
import { buttonClass, tableClass, tdClass, thClass } from "@/components/admin/styles";
import { Pagination } from "@/components/layout/pagination";
import { isRole, ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listOrganisationChoices, listUsers } from "@/lib/db/users";
import { requirePermission } from "@/lib/newsroom/actor";
import { parsePageParam } from "@/lib/pagination";

// All staff accounts for administrators: search on name or e-mail, role and organisation
// filters, 25 a page, with two-factor and pending-invite status.

export const metadata: Metadata = { title: "Användare" };

const PAGE_SIZE = 25;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
type Search = Record<string, string | string[] | undefined>;

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value || undefined;
}

export default async function UsersPage({ searchParams }: { searchParams: Promise<Search> }) {
  await requirePermission("user.manage");
  const params = await searchParams;
  const page = parsePageParam(params.sida);
  const role = one(params.roll);
  const organisationId = one(params.organisation);
  if (page === null || (role && !isRole(role)) || (organisationId && !UUID.test(organisationId))) notFound();
  const q = one(params.q)?.slice(0, 200);

  const [{ rows, total }, organisations] = await Promise.all([
    listUsers(db(), { q, role: role && isRole(role) ? role : undefined, organisationId, page, pageSize: PAGE_SIZE }),
    listOrganisationChoices(db()),
  ]);
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  if (page > pageCount) notFound();

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-4">
        <h1 className="text-3xl font-bold">Användare</h1>
        <Link href="/admin/anvandare/bjud-in" className={buttonClass()}>
          Bjud in användare
        </Link>
      </div>
      {one(params.klart) === "borttagen" ? (
        <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
          Kontot är borttaget.
        </p>
      ) : null}
      <ListFilters
        path="/admin/anvandare"
        q={q}
        searchLabel="Sök på namn eller e-post"
        selects={[
          { name: "roll", label: "Roll", value: role, options: ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] })) },
          { name: "organisation", label: "Organisation", value: organisationId, options: organisations.map((o) => ({ value: o.id, label: o.name })) },
        ]}
      />
      <table className={tableClass}>
        <caption className="sr-only">Användare, {total} st</caption>
        <thead>
          <tr>
            <th scope="col" className={thClass}>
              Namn
            </th>
            <th scope="col" className={thClass}>
              E-post
            </th>
            <th scope="col" className={thClass}>
              Roll
            </th>
            <th scope="col" className={thClass}>
              Organisationer
            </th>
            <th scope="col" className={thClass}>
              Tvåfaktor
            </th>
            <th scope="col" className={thClass}>
              Status
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((u) => (
            <tr key={u.id}>
              <td className={tdClass}>
                <Link href={`/admin/anvandare/${u.id}`}>{u.name}</Link>
              </td>
              <td className={tdClass}>{u.email}</td>
              <td className={tdClass}>{ROLE_LABELS[u.role]}</td>
              <td className={tdClass}>{u.organisations.join(", ") || "–"}</td>
              <td className={tdClass}>{u.twoFactorEnabled ? "På" : "Av"}</td>
              <td className={tdClass}>{u.invitePending ? "Inbjudan väntar" : "Aktiv"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 ? <p className="mt-4">Inga användare matchar filtret.</p> : null}
      <p className="mt-4 text-sm text-slate-700">{total === 1 ? "1 användare" : `${total} användare`}</p>
      <Pagination path="/admin/anvandare" page={page} pageCount={pageCount} query={listQuery(params, ["q", "roll", "organisation"])} />
    </>
  );
}
