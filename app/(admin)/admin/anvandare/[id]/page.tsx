import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { buttonClass } from "@/components/admin/styles";
import { Time } from "@/components/ui/time";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { accountLocked, MAX_ACCOUNT_FAILURES } from "@/lib/db/sign-in-attempts";
import { getUserDetail, listOrganisationChoices } from "@/lib/db/users";
import { requirePermission } from "@/lib/newsroom/actor";
import { AccessForm, DeleteUserForm, SendLinkForm, UnlockSignInForm } from "./user-forms";

// One user, for administrators: facts, role and organisations, a new link, deletion (after a
// confirmation step reached by ?ta-bort=1, so it works without JavaScript).

export const metadata: Metadata = { title: "Användare" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UserPage({ params, searchParams }: Props) {
  const actor = await requirePermission("user.manage");
  const { id } = await params;
  const [user, organisations] = await Promise.all([getUserDetail(db(), id), listOrganisationChoices(db())]);
  if (!user) notFound();
  const locked = await accountLocked(db(), user.email);
  const confirmDelete = (await searchParams)["ta-bort"] === "1";
  const own = user.id === actor.id;
  const organisationNames = organisations.filter((o) => user.organisationIds.includes(o.id)).map((o) => o.name);

  return (
    <>
      <p>
        <Link href="/admin/anvandare">‹ Alla användare</Link>
      </p>
      <h1 className="mt-2 text-3xl font-bold">{user.name}</h1>
      <dl className="mt-4 grid max-w-2xl grid-cols-[auto_1fr] gap-x-6 gap-y-2">
        <dt className="font-semibold">E-post</dt>
        <dd>{user.email}</dd>
        <dt className="font-semibold">Roll</dt>
        <dd>{ROLE_LABELS[user.role]}</dd>
        <dt className="font-semibold">Organisationer</dt>
        <dd>{organisationNames.join(", ") || "Inga"}</dd>
        <dt className="font-semibold">Status</dt>
        <dd>{user.invitePending ? "Inbjudan väntar: personen har inte valt lösenord än" : "Aktiv"}</dd>
        <dt className="font-semibold">Tvåfaktor</dt>
        <dd>{user.twoFactorEnabled ? "På" : "Av"}</dd>
        <dt className="font-semibold">Skapad</dt>
        <dd>
          <Time iso={user.createdAt} />
        </dd>
        <dt className="font-semibold">Senast inloggad</dt>
        <dd>{user.lastSignInAt ? <Time iso={user.lastSignInAt} /> : "Aldrig"}</dd>
      </dl>

      <section aria-labelledby="roll-rubrik" className="mt-10 max-w-2xl">
        <h2 id="roll-rubrik" className="text-xl font-bold">
          Roll och organisationer
        </h2>
        <AccessForm userId={user.id} role={user.role} organisationIds={user.organisationIds} organisations={organisations} />
      </section>

      <section aria-labelledby="lank-rubrik" className="mt-10 max-w-2xl">
        <h2 id="lank-rubrik" className="text-xl font-bold">
          {user.invitePending ? "Inbjudan" : "Lösenord"}
        </h2>
        <p className="mt-2 text-slate-700">
          {user.invitePending
            ? "Skicka en ny inbjudan om den förra har gått ut eller kommit bort. Tidigare länkar slutar då att fungera."
            : "Skicka en länk där personen väljer ett nytt lösenord. Länken gäller i en timme."}
        </p>
        <SendLinkForm userId={user.id} invitePending={user.invitePending} />
      </section>

      {locked ? (
        <section aria-labelledby="sparr-rubrik" className="mt-10 max-w-2xl">
          <h2 id="sparr-rubrik" className="text-xl font-bold">
            Inloggningen är spärrad
          </h2>
          <p className="mt-2 text-slate-700">
            Någon har försökt logga in på kontot med fel lösenord minst {MAX_ACCOUNT_FAILURES} gånger den senaste timmen, från adresser som kontot inte har använt förut. Från adresser där personen har loggat in förut går det fortfarande. Lås upp när du vet att det var personen själv, eller be hen välja ett nytt lösenord.
          </p>
          <UnlockSignInForm userId={user.id} />
        </section>
      ) : null}

      {own ? null : (
        <section aria-labelledby="ta-bort-rubrik" className="mt-10 max-w-2xl">
          <h2 id="ta-bort-rubrik" className="text-xl font-bold">
            Ta bort kontot
          </h2>
          {confirmDelete ? (
            <div className="mt-2 rounded border-l-4 border-red-700 bg-red-50 p-3">
              <p>
                Vill du ta bort kontot för {user.email}? Det går inte att ångra. Artiklar och bilder som personen har skapat finns kvar.
              </p>
              <DeleteUserForm userId={user.id} email={user.email} />
              <p className="mt-3">
                <Link href={`/admin/anvandare/${user.id}`}>Avbryt</Link>
              </p>
            </div>
          ) : (
            <p className="mt-2">
              <Link href={`/admin/anvandare/${user.id}?ta-bort=1`} className={buttonClass("secondary")}>
                Ta bort kontot …
              </Link>
            </p>
          )}
        </section>
      )}
    </>
  );
}
