import type { Metadata } from "next";
import { tableClass, tdClass, thClass } from "@/components/admin/styles";
import { db } from "@/lib/db/client";
import { alertLists } from "@/lib/db/alerts";
import { requirePermission } from "@/lib/newsroom/actor";

export const metadata: Metadata = { title: "Bevakningar" };

const SCOPE_LABEL = { SITE: "Hela webbplatsen", ORGANISATION: "Organisation", TOPIC: "Ämne", NETWORK: "Nätverk" } as const;
const ADDRESSES_SHOWN = 50;

// The e-mail alert lists (decision 020), for administrators only: how many follow each list,
// and who, since addresses are personal data that no one else sees.
export default async function AlertListsPage() {
  await requirePermission("alerts.manage");
  const lists = await alertLists(db(), ADDRESSES_SHOWN);
  const total = lists.reduce((sum, l) => sum + l.confirmed, 0);
  return (
    <>
      <h1 className="text-3xl font-bold">Bevakningar</h1>
      <p className="mt-2 max-w-3xl text-slate-700">
        Läsare kan bevaka hela webbplatsen, en kommun eller organisation, ett ämne eller ett nätverk och få e-post direkt, dagligen eller veckovis. En bevakning räknas först när läsaren har bekräftat
        den med länken i sin e-post. Adresserna är personuppgifter och syns bara för administratörer.
      </p>
      {lists.length ? (
        <table className={`${tableClass} mt-6`}>
          <caption className="sr-only">Bevakningslistor med antal prenumeranter</caption>
          <thead>
            <tr>
              <th scope="col" className={thClass}>Lista</th>
              <th scope="col" className={thClass}>Sort</th>
              <th scope="col" className={thClass}>Bekräftade</th>
              <th scope="col" className={thClass}>Väntar på bekräftelse</th>
              <th scope="col" className={thClass}>Adresser</th>
            </tr>
          </thead>
          <tbody>
            {lists.map((l) => (
              <tr key={`${l.scope}-${l.targetId ?? ""}`}>
                <td className={tdClass}>{l.name}</td>
                <td className={tdClass}>{SCOPE_LABEL[l.scope]}</td>
                <td className={tdClass}>{l.confirmed}</td>
                <td className={tdClass}>{l.pending}</td>
                <td className={tdClass}>
                  {l.addresses.length ? (
                    <details>
                      <summary className="cursor-pointer">
                        Visa adresser<span className="sr-only"> för {l.name}</span>
                      </summary>
                      <ul className="mt-1 list-disc pl-5">
                        {l.addresses.map((a) => (
                          <li key={a}>{a}</li>
                        ))}
                      </ul>
                      {l.confirmed > l.addresses.length ? <p className="mt-1 text-sm">De första {l.addresses.length} av {l.confirmed}.</p> : null}
                    </details>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" className={thClass} colSpan={2}>Totalt</th>
              <td className={tdClass}>{total}</td>
              <td className={tdClass} colSpan={2} />
            </tr>
          </tfoot>
        </table>
      ) : (
        <p className="mt-6">Ingen bevakar något ännu.</p>
      )}
    </>
  );
}
