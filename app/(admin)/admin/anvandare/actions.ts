"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { inviteUser, resendInvite, sendPasswordReset, unlockAccountSignIn, type LinkSent } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { deleteUser, updateUserAccess } from "@/lib/db/users";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// User management for administrators. Every command checks user.manage itself; these only
// turn form data into input and hand back the result. The user's id travels in a hidden
// field (the commands look it up; nothing else about it is trusted).

export type LinkState = FormState & { value?: LinkSent };

function accessInput(formData: FormData) {
  const values = formValues(formData);
  return { values, input: { ...values, organisationIds: formData.getAll("organisationIds").map(String) } };
}

export async function inviteUserAction(_prev: LinkState, formData: FormData): Promise<LinkState> {
  const { values, input } = accessInput(formData);
  const ip = await clientIp();
  return runAction((actor) => inviteUser(db(), actor, input, { ip }), values);
}

export async function updateUserAccessAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const { values, input } = accessInput(formData);
  const state = await runAction((actor) => updateUserAccess(db(), actor, input), values);
  // The page around the form shows the role and organisations too: render it again.
  if (state.ok) refresh();
  return state;
}

export async function resendInviteAction(_prev: LinkState, formData: FormData): Promise<LinkState> {
  const ip = await clientIp();
  return runAction((actor) => resendInvite(db(), actor, { userId: formData.get("userId") }, { ip }));
}

export async function sendPasswordResetAction(_prev: LinkState, formData: FormData): Promise<LinkState> {
  const ip = await clientIp();
  return runAction((actor) => sendPasswordReset(db(), actor, { userId: formData.get("userId") }, { ip }));
}

export async function deleteUserAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const state = await runAction((actor) => deleteUser(db(), actor, { userId: formData.get("userId"), confirm: formData.get("confirm") }));
  if (state.ok) redirect("/admin/anvandare?klart=borttagen");
  return state;
}

export async function unlockSignInAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const ip = await clientIp();
  const state = await runAction((actor) => unlockAccountSignIn(db(), actor, { userId: formData.get("userId") }, { ip }));
  if (state.ok) refresh();
  return state;
}
