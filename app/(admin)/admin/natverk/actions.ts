"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createNetwork, deleteNetwork, updateNetwork } from "@/lib/db/entities/networks";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions for /admin/natverk: the commands authorise and validate themselves.

export async function createNetworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => createNetwork(db(), actor, values, { ip }), values);
  if (state.ok && state.value) redirect(`/admin/natverk/${state.value.id}?skapad=1`);
  return state;
}

export async function updateNetworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updateNetwork(db(), actor, values, { ip }), values);
}

export async function deleteNetworkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => deleteNetwork(db(), actor, values, { ip }));
  if (state.ok) redirect("/admin/natverk?borttagen=1");
  return state;
}
