"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "./actions";

/** The sign-in form: a failed attempt keeps the e-mail address and says what went wrong. */
export function SignInForm() {
  const [state, action, pending] = useActionState<SignInState, FormData>(signInAction, { email: "" });
  return (
    <form action={action} noValidate className="mt-6 space-y-5">
      {state.error ? (
        <p role="alert" className="rounded border-l-4 border-red-700 bg-red-50 p-3 text-red-900">
          {state.error}
        </p>
      ) : null}
      <Field name="email" label="E-postadress" type="email" autoComplete="username" error={state.fieldErrors?.email} defaultValue={state.email} />
      <Field name="password" label="Lösenord" type="password" autoComplete="current-password" error={state.fieldErrors?.password} />
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-800 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? "Loggar in …" : "Logga in"}
      </button>
    </form>
  );
}

type FieldProps = { name: string; label: string; type: string; autoComplete: string; error?: string; defaultValue?: string };

/** A labelled input whose error is tied to it for screen readers. */
function Field({ name, label, type, autoComplete, error, defaultValue }: FieldProps) {
  const errorId = `${name}-fel`;
  return (
    <div>
      <label htmlFor={name} className="block font-semibold">
        {label}
      </label>
      <input
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        defaultValue={defaultValue}
        // A new value from the server (the address typed before a failed attempt) remounts the input.
        key={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
      />
      {error ? (
        <p id={errorId} className="mt-1 text-sm text-red-800">
          {error}
        </p>
      ) : null}
    </div>
  );
}
