"use client";

import { startTransition, useActionState, useState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { buttonClass, tableClass, tdClass, thClass } from "@/components/admin/styles";
import { erasePersonalDataAction, findPersonalDataAction } from "@/app/(admin)/admin/personuppgifter/actions";
import { valueOf } from "@/lib/validation/form";

// Find, export and erase one address's data. Erasing asks once more, naming the address and
// what will happen, before anything is deleted.

export function PersonalDataRequest() {
  const [found, find] = useActionState(findPersonalDataAction, {});
  // After erasing, the counts are looked up again, so the page shows what is left (nothing).
  const [erased, erase] = useActionState<Awaited<ReturnType<typeof erasePersonalDataAction>>, FormData>(async (prev, formData) => {
    const state = await erasePersonalDataAction(prev, formData);
    if (state.ok) startTransition(() => find(formData));
    return state;
  }, {});
  const [confirming, setConfirming] = useState<string | null>(null);
  const email = found.ok ? (found.value?.email ?? "") : "";
  const counts = found.ok ? (found.value?.counts ?? []) : [];
  const total = counts.reduce((sum, c) => sum + c.count, 0);
  return (
    <>
      <form action={(fd) => (setConfirming(null), find(fd))} noValidate className="mt-6 max-w-xl space-y-4">
        <FormMessage state={found.ok ? {} : found} />
        <TextField name="email" label="Läsarens e-postadress" type="email" autoComplete="off" defaultValue={valueOf(found.values, "email")} error={found.fieldErrors?.email} />
        <SubmitButton pendingLabel="Söker …">Sök</SubmitButton>
      </form>
      <FormMessage state={erased} />
      {found.ok && email ? (
        <section aria-labelledby="hittat" className="mt-8">
          <h2 id="hittat" className="text-2xl font-bold">
            Uppgifter om {email}
          </h2>
          <table className={tableClass}>
            <caption className="sr-only">Antal poster per källa för {email}</caption>
            <thead>
              <tr>
                <th scope="col" className={thClass}>Källa</th>
                <th scope="col" className={thClass}>Antal</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((c) => (
                <tr key={c.key}>
                  <td className={tdClass}>{c.label}</td>
                  <td className={tdClass}>{c.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="mt-4 flex flex-wrap gap-3">
            <form method="post" action="/admin/personuppgifter/export">
              <input type="hidden" name="email" value={email} />
              <button type="submit" className={buttonClass("secondary")}>
                Ladda ned som JSON
              </button>
            </form>
            {total ? (
              <button type="button" className={buttonClass("danger")} onClick={() => setConfirming(email)} aria-expanded={confirming === email}>
                Radera uppgifterna …
              </button>
            ) : null}
          </div>
          {confirming === email ? (
            <form action={(fd) => (setConfirming(null), erase(fd))} className="mt-4 max-w-xl rounded border-2 border-red-700 p-4" aria-labelledby="bekrafta-radering">
              <h3 id="bekrafta-radering" className="font-bold">
                Radera alla uppgifter om {email}?
              </h3>
              <p className="mt-2">Publicerade kommentarer finns kvar på artiklarna men visas som skrivna av ”Anonym”, utan e-postadress. Allt annat raderas: övriga kommentarer och alla e-postbevakningar. Det går inte att ångra.</p>
              <input type="hidden" name="email" value={email} />
              <input type="hidden" name="confirm" value="ja" />
              <div className="mt-3 flex gap-3">
                <SubmitButton variant="danger" pendingLabel="Raderar …">
                  Ja, radera
                </SubmitButton>
                <button type="button" className={buttonClass("secondary")} onClick={() => setConfirming(null)}>
                  Avbryt
                </button>
              </div>
            </form>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
