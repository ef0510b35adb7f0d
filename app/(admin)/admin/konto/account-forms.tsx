"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { PASSWORD_MIN } from "@/lib/validation/accounts";
import type { FormState } from "@/lib/validation/form";
import { changePasswordAction, disableTwoFactorAction, enableTwoFactorAction, type EnableState } from "./actions";

// The forms of "Mitt konto": turning two-factor on and off, and changing the password.

/** Groups of four make the secret easier to type into an app by hand. */
const grouped = (secret: string) => secret.replace(/(.{4})/g, "$1 ").trim();

export function EnableTwoFactorForm() {
  const [state, action] = useActionState<EnableState, FormData>(enableTwoFactorAction, {});
  if (!state.setup) {
    return (
      <form action={action} noValidate className="mt-4 space-y-4">
        <FormMessage state={state} />
        <input type="hidden" name="steg" value="starta" />
        <TextField name="password" label="Ditt lösenord" type="password" autoComplete="current-password" error={state.fieldErrors?.password} hint="Bekräfta med ditt lösenord innan du slår på tvåfaktorinloggning." />
        <SubmitButton pendingLabel="Förbereder …">Slå på tvåfaktorinloggning</SubmitButton>
      </form>
    );
  }
  const { secret, uri, backupCodes } = state.setup;
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <ol className="list-decimal space-y-4 pl-5">
        <li>
          Öppna en autentiseringsapp i telefonen, till exempel Microsoft Authenticator, Google Authenticator eller Bitwarden, och välj att lägga till ett konto med en
          nyckel. Skriv in nyckeln:
          <p className="mt-2 rounded bg-slate-100 p-3 font-mono text-lg tracking-wider" data-testid="totp-secret">
            {grouped(secret)}
          </p>
          <details className="mt-2">
            <summary className="cursor-pointer">Visa hela inställningsadressen (otpauth)</summary>
            <p className="mt-2 break-all font-mono text-sm" data-testid="totp-uri">
              {uri}
            </p>
          </details>
        </li>
        <li>
          Spara reservkoderna på ett säkert ställe. Varje kod kan användas en gång om du inte har telefonen till hands.
          <ul className="mt-2 grid grid-cols-2 gap-1 font-mono sm:grid-cols-5" aria-label="Reservkoder">
            {backupCodes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
        </li>
        <li>Skriv koden som appen visar för att bekräfta.</li>
      </ol>
      <input type="hidden" name="steg" value="bekrafta" />
      <TextField name="code" label="Kod från appen" autoComplete="one-time-code" error={state.fieldErrors?.code} hint="Sex siffror." />
      <SubmitButton pendingLabel="Kontrollerar …">Bekräfta och slå på</SubmitButton>
    </form>
  );
}

export function DisableTwoFactorForm() {
  const [state, action] = useActionState<FormState, FormData>(disableTwoFactorAction, {});
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <TextField name="password" id="falt-password-av" label="Ditt lösenord" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <SubmitButton variant="secondary" pendingLabel="Stänger av …">
        Stäng av tvåfaktorinloggning
      </SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(changePasswordAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="mt-4 space-y-4">
      <FormMessage state={state} />
      <TextField name="current" label="Nuvarande lösenord" type="password" autoComplete="current-password" error={e.current} />
      <TextField name="password" id="falt-nytt-losenord" label="Nytt lösenord" type="password" autoComplete="new-password" error={e.password} hint={`Minst ${PASSWORD_MIN} tecken.`} />
      <TextField name="confirm" label="Upprepa det nya lösenordet" type="password" autoComplete="new-password" error={e.confirm} />
      <SubmitButton pendingLabel="Sparar …">Byt lösenord</SubmitButton>
    </form>
  );
}
