"use client";

import Link from "next/link";
import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { secondFactorAction, type SecondFactorState } from "./actions";

// The code from the authenticator app (or a backup code). A lapsed sign-in links back to the start.

export function SecondFactorForm() {
  const [state, action] = useActionState<SecondFactorState, FormData>(secondFactorAction, {});
  return (
    <form action={action} noValidate className="mt-6 space-y-5">
      <FormMessage state={state} />
      {state.expired ? (
        <p>
          <Link href="/logga-in">Till inloggningen</Link>
        </p>
      ) : null}
      <TextField
        name="code"
        label="Kod"
        autoComplete="one-time-code"
        error={state.fieldErrors?.code}
        hint="Sex siffror från autentiseringsappen. Har du inte telefonen kan du skriva en av dina reservkoder."
      />
      <SubmitButton pendingLabel="Kontrollerar …">Fortsätt</SubmitButton>
    </form>
  );
}
