"use client";

import { useActionState } from "react";
import { FormMessage, SubmitButton, TextField } from "@/components/admin/form";
import { valueOf, type FormState } from "@/lib/validation/form";
import { forgotPasswordAction } from "./actions";

// Asks for the address; the answer is the same whether or not it has an account.

export function ForgotPasswordForm() {
  const [state, action] = useActionState<FormState, FormData>(forgotPasswordAction, {});
  return (
    <form action={action} noValidate className="mt-6 space-y-5">
      <FormMessage state={state} />
      <TextField name="email" label="E-postadress" type="email" autoComplete="username" defaultValue={valueOf(state.values, "email")} error={state.fieldErrors?.email} />
      <SubmitButton pendingLabel="Skickar …">Skicka länk</SubmitButton>
    </form>
  );
}
