"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createOrganisation, deleteOrganisation, updateOrganisation } from "@/lib/db/entities/organisations";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions for /admin/organisationer: the commands authorise and validate themselves.

export async function createOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => createOrganisation(db(), actor, values, { ip }), values);
  if (state.ok && state.value) redirect(`/admin/organisationer/${state.value.id}?skapad=1`);
  return state;
}

export async function updateOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updateOrganisation(db(), actor, values, { ip }), values);
}

export async function deleteOrganisationAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => deleteOrganisation(db(), actor, values, { ip }));
  if (state.ok) redirect("/admin/organisationer?borttagen=1");
  return state;
}
