"use client";

import { useActionState } from "react";
import { CheckboxGroup, FormMessage, SelectField, SubmitButton } from "@/components/admin/form";
import { ROLE_LABELS, ROLES, type Role } from "@/lib/auth/roles";
import { valueOf, valuesOf, type FormState } from "@/lib/validation/form";
import { deleteUserAction, resendInviteAction, sendPasswordResetAction, unlockSignInAction, updateUserAccessAction, type LinkState } from "../actions";
import { SentLink } from "../sent-link";

// The forms on one user's page: role and organisations, a new link, deletion.

export function AccessForm(props: { userId: string; role: Role; organisationIds: string[]; organisations: { id: string; name: string }[] }) {
  const [state, action] = useActionState<FormState, FormData>(updateUserAccessAction, {});
  return (
    <form action={action} noValidate className="mt-4 space-y-5">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={props.userId} />
      <SelectField
        name="role"
        label="Roll"
        options={ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
        defaultValue={valueOf(state.values, "role", props.role)}
        error={state.fieldErrors?.role}
      />
      <CheckboxGroup
        name="organisationIds"
        legend="Organisationer"
        options={props.organisations.map((o) => ({ value: o.id, label: o.name }))}
        defaultValues={state.values ? valuesOf(state.values, "organisationIds") : props.organisationIds}
        error={state.fieldErrors?.organisationIds}
      />
      <SubmitButton pendingLabel="Sparar …">Spara roll och organisationer</SubmitButton>
    </form>
  );
}

/** A new invite while no password is chosen, otherwise a link to choose a new password. */
export function SendLinkForm({ userId, invitePending }: { userId: string; invitePending: boolean }) {
  const [state, action] = useActionState<LinkState, FormData>(invitePending ? resendInviteAction : sendPasswordResetAction, {});
  return (
    <form action={action} className="mt-4 space-y-4">
      <FormMessage state={state} />
      {state.ok ? <SentLink sent={state.value} purpose={invitePending ? "invite" : "reset"} /> : null}
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Skickar …">
        {invitePending ? "Skicka ny inbjudan" : "Skicka länk för nytt lösenord"}
      </SubmitButton>
    </form>
  );
}

export function DeleteUserForm({ userId, email }: { userId: string; email: string }) {
  const [state, action] = useActionState<FormState, FormData>(deleteUserAction, {});
  return (
    <form action={action} className="mt-4 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="confirm" value="ja" />
      <SubmitButton variant="danger" pendingLabel="Tar bort …">
        Ja, ta bort kontot för {email}
      </SubmitButton>
    </form>
  );
}

/** Lifts the lockout for new addresses (lib/db/sign-in-attempts.ts). */
export function UnlockSignInForm({ userId }: { userId: string }) {
  const [state, action] = useActionState<FormState, FormData>(unlockSignInAction, {});
  return (
    <form action={action} className="mt-4 space-y-4">
      <FormMessage state={state} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton variant="secondary" pendingLabel="Låser upp …">
        Lås upp inloggningen
      </SubmitButton>
    </form>
  );
}
