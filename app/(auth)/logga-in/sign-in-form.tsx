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
      <div>
        <label htmlFor="email" className="block font-semibold">
          E-postadress
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          defaultValue={state.email}
          key={state.email}
          aria-invalid={state.fieldErrors?.email ? true : undefined}
          aria-describedby={state.fieldErrors?.email ? "email-fel" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
        />
        {state.fieldErrors?.email ? (
          <p id="email-fel" className="mt-1 text-sm text-red-800">
            {state.fieldErrors.email}
          </p>
        ) : null}
      </div>
      <div>
        <label htmlFor="password" className="block font-semibold">
          Lösenord
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          aria-invalid={state.fieldErrors?.password ? true : undefined}
          aria-describedby={state.fieldErrors?.password ? "password-fel" : undefined}
          className="mt-1 w-full rounded border border-slate-500 px-3 py-2"
        />
        {state.fieldErrors?.password ? (
          <p id="password-fel" className="mt-1 text-sm text-red-800">
            {state.fieldErrors.password}
          </p>
        ) : null}
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-800 px-4 py-2 font-semibold text-white hover:bg-brand-900 disabled:opacity-60">
        {pending ? "Loggar in …" : "Logga in"}
      </button>
    </form>
  );
}
