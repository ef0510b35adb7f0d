"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createPerson, deletePerson, updatePerson } from "@/lib/db/entities/people";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions for /admin/personer: the commands authorise and validate themselves.

export async function createPersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => createPerson(db(), actor, values, { ip }), values);
  if (state.ok && state.value) redirect(`/admin/personer/${state.value.id}?skapad=1`);
  return state;
}

export async function updatePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updatePerson(db(), actor, values, { ip }), values);
}

export async function deletePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => deletePerson(db(), actor, values, { ip }));
  if (state.ok) redirect("/admin/personer?borttagen=1");
  return state;
}
