"use client";

import { useActionState, useId } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { SiteScript } from "@/components/site/site-script";
import { subscribeAction } from "@/app/(site)/bevakning/actions";
import { valueOf, type FormState } from "@/lib/validation/form";
import { FREQUENCIES, type AlertTarget } from "./alert-target";

// The e-mail alert form (decision 020): an address, how often, and the list as hidden fields.
// A client component posting to a server action, so the stored page around it stays stored;
// a failed send keeps every typed value and says what to fix in Swedish. On public pages,
// which carry no React runtime (decision 027), it posts as a plain form, sent in the background
// by public/js/site.js; a per-request page with its nonce policy (/bevakning) keeps React and
// asks for no site script.

export function AlertSignup({ target, heading = true, siteScript = true }: { target: AlertTarget; heading?: boolean; siteScript?: boolean }) {
  const [state, action] = useActionState<FormState, FormData>(subscribeAction, {});
  const id = useId();
  const frequency = valueOf(state.values, "frequency", "DAILY");
  return (
    <form action={action} data-enhance={`bevakning-${target.scope}-${target.targetId ?? "allt"}`} noValidate className="mt-5 space-y-4 border-t border-slate-200 pt-4" aria-labelledby={heading ? `${id}-rubrik` : undefined}>
      {heading ? (
        <h3 id={`${id}-rubrik`} className="font-bold">
          Bevaka {target.name} via e-post
        </h3>
      ) : null}
      <p className="text-sm text-slate-700">Du får ett mejl med en länk att bekräfta. Varje mejl har en länk för att sluta.</p>
      <input type="hidden" name="scope" value={target.scope} />
      <input type="hidden" name="targetId" value={target.targetId ?? ""} />
      <TextField id={`${id}-email`} name="email" label="E-postadress" type="email" autoComplete="email" defaultValue={valueOf(state.values, "email")} error={state.fieldErrors?.email} />
      <fieldset aria-describedby={state.fieldErrors?.frequency ? `${id}-frekvens-fel` : undefined}>
        <legend className="font-semibold">Hur ofta?</legend>
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1" key={frequency}>
          {FREQUENCIES.map((f) => (
            <label key={f.value} className="flex items-center gap-2">
              <input type="radio" name="frequency" value={f.value} defaultChecked={frequency === f.value} className="size-4" />
              {f.label}
            </label>
          ))}
        </div>
        {state.fieldErrors?.frequency ? (
          <p id={`${id}-frekvens-fel`} className="mt-1 text-sm font-semibold text-red-800">
            {state.fieldErrors.frequency}
          </p>
        ) : null}
      </fieldset>
      <FormMessage state={{ error: state.error }} />
      {/* Always present, so screen readers announce the message when it appears. */}
      <div role="status">{state.ok ? <p className="rounded border-l-4 border-green-700 bg-green-50 p-3 text-green-900">{state.message}</p> : null}</div>
      <SubmitButton pendingLabel="Skickar …">Bevaka</SubmitButton>
      {siteScript ? <SiteScript /> : null}
    </form>
  );
}
