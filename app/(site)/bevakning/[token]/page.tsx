import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { buttonClass } from "@/components/admin/styles";
import { FREQUENCIES, FREQUENCY_LABEL } from "@/components/alerts/alert-target";
import { db } from "@/lib/db/client";
import { subscriberLists } from "@/lib/db/alerts";
import { changeFrequencyAction, unsubscribeAction } from "../actions";

// "My alerts", by the link in every alert mail: the manage token is the only key, so an
// unknown one is a 404 and the page is never stored or indexed, and sends no referrer.

export const metadata: Metadata = { title: "Mina bevakningar", robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const DONE: Record<string, string> = { frekvens: "Ändringen är sparad.", avslutad: "Bevakningen är avslutad. Du får inga fler mejl om den." };

export default async function ManageAlertsPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, query] = await Promise.all([params, searchParams]);
  const mine = await subscriberLists(db(), token);
  if (!mine) notFound();
  const done = typeof query.klart === "string" ? DONE[query.klart] : undefined;
  return (
    <>
      <h1 className="text-3xl font-bold">Mina bevakningar</h1>
      <p className="mt-2 text-slate-700">
        Bevakningar för <strong>{mine.email}</strong>.
      </p>
      <div aria-live="polite">
        {done ? (
          <p role="status" className="mt-4 rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">
            {done}
          </p>
        ) : null}
        {query.fel ? (
          <p role="alert" className="mt-4 rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
            Det gick inte: bevakningen finns inte längre.
          </p>
        ) : null}
      </div>
      {mine.lists.length ? (
        <>
          <ul className="mt-6 max-w-2xl space-y-4">
            {mine.lists.map((l) => (
              <li key={l.id} className="rounded border border-slate-200 p-4">
                <h2 className="font-bold">{l.name}</h2>
                <p className="text-sm text-slate-700">{l.confirmed ? `Skickas: ${FREQUENCY_LABEL[l.frequency].toLowerCase()}` : "Inte bekräftad än: använd länken i mejlet vi skickade."}</p>
                <div className="mt-3 flex flex-wrap items-end gap-4">
                  <form action={changeFrequencyAction} className="flex items-end gap-2">
                    <input type="hidden" name="token" value={token} />
                    <input type="hidden" name="subscriptionId" value={l.id} />
                    <div>
                      <label htmlFor={`frekvens-${l.id}`} className="block text-sm font-semibold">
                        Hur ofta
                      </label>
                      <select id={`frekvens-${l.id}`} name="frequency" defaultValue={l.frequency} className="mt-1 rounded border border-slate-500 px-2 py-1">
                        {FREQUENCIES.map((f) => (
                          <option key={f.value} value={f.value}>
                            {f.label}
                          </option>
                        ))}
                      </select>
                    </div>
                    <button type="submit" className={buttonClass("secondary")} aria-label={`Spara hur ofta: ${l.name}`}>
                      Spara
                    </button>
                  </form>
                  <form action={unsubscribeAction}>
                    <input type="hidden" name="token" value={token} />
                    <input type="hidden" name="subscriptionId" value={l.id} />
                    <button type="submit" className={buttonClass("danger")} aria-label={`Avsluta bevakningen av ${l.name}`}>
                      Avsluta
                    </button>
                  </form>
                </div>
              </li>
            ))}
          </ul>
          <form action={unsubscribeAction} className="mt-6">
            <input type="hidden" name="token" value={token} />
            <button type="submit" className={buttonClass("danger")}>
              Avsluta alla bevakningar
            </button>
          </form>
        </>
      ) : (
        <p className="mt-6">
          Du har inga bevakningar. <Link href="/bevakning">Börja bevaka</Link>
        </p>
      )}
    </>
  );
}
