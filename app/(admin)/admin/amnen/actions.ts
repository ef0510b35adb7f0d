"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createTopic, deleteTopic, updateTopic } from "@/lib/db/entities/topics";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions for /admin/amnen: the commands authorise and validate themselves.

export async function createTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => createTopic(db(), actor, values, { ip }), values);
  if (state.ok && state.value) redirect(`/admin/amnen/${state.value.id}?skapad=1`);
  return state;
}

export async function updateTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updateTopic(db(), actor, values, { ip }), values);
}

export async function deleteTopicAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => deleteTopic(db(), actor, values, { ip }));
  if (state.ok) redirect("/admin/amnen?borttagen=1");
  return state;
}
