"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CheckboxGroup, FormMessage, SelectField, SubmitButton, TextField } from "@/components/admin/form";
import { ROLE_LABELS, ROLES } from "@/lib/auth/roles";
import { valueOf, valuesOf } from "@/lib/validation/form";
import { inviteUserAction, type LinkState } from "../actions";
import { SentLink } from "../sent-link";

// The invite form. In local mode the answer carries the set-password link, shown right here.

const roleOptions = ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }));

export function InviteForm({ organisations }: { organisations: { id: string; name: string }[] }) {
  const [state, action] = useActionState<LinkState, FormData>(inviteUserAction, {});
  const e = state.fieldErrors ?? {};
  return (
    <form action={action} noValidate className="mt-6 max-w-2xl space-y-5">
      <FormMessage state={state} />
      {state.ok && state.value ? (
        <>
          <SentLink sent={state.value} purpose="invite" />
          <p>
            <Link href={`/admin/anvandare/${state.value.userId}`}>Visa {state.value.email}</Link>
          </p>
        </>
      ) : null}
      <TextField name="email" label="E-postadress" type="email" autoComplete="off" required defaultValue={valueOf(state.values, "email")} error={e.email} />
      <TextField name="name" label="Namn" autoComplete="off" required defaultValue={valueOf(state.values, "name")} error={e.name} />
      <SelectField
        name="role"
        label="Roll"
        options={roleOptions}
        defaultValue={valueOf(state.values, "role", "WRITER")}
        error={e.role}
        hint="Skribenter skriver och skickar in artiklar. Redaktörer granskar och publicerar för sina organisationer. Administratörer hanterar allt, även användare."
      />
      <CheckboxGroup
        name="organisationIds"
        legend="Organisationer"
        options={organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValues={valuesOf(state.values, "organisationIds")}
        error={e.organisationIds}
        hint="De kommuner och organisationer personen skriver för."
      />
      <SubmitButton pendingLabel="Skickar inbjudan …">Skicka inbjudan</SubmitButton>
    </form>
  );
}
