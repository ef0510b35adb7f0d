"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import type { FormState } from "@/lib/validation/form";
import { PASSWORD_MIN } from "@/lib/validation/accounts";
import { setPasswordAction } from "./actions";

// The new password twice. After a failed attempt the fields start empty: passwords never come back.

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(setPasswordAction, {});
  return (
    <form action={action} noValidate className="mt-6 space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      {/* Lets password managers store the new password under the right account. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        name="password"
        label="Nytt lösenord"
        type="password"
        autoComplete="new-password"
        error={state.fieldErrors?.password}
        hint={`Minst ${PASSWORD_MIN} tecken. En fras av flera ord är både säker och lätt att komma ihåg.`}
      />
      <TextField name="confirm" label="Upprepa lösenordet" type="password" autoComplete="new-password" error={state.fieldErrors?.confirm} />
      <SubmitButton pendingLabel="Sparar …">Spara lösenordet</SubmitButton>
    </form>
  );
}
