"use server";

import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { createSeries, deleteSeries, updateSeries } from "@/lib/db/entities/series";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions for /admin/serier: the commands authorise and validate themselves.

export async function createSeriesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => createSeries(db(), actor, values, { ip }), values);
  if (state.ok && state.value) redirect(`/admin/serier/${state.value.id}?skapad=1`);
  return state;
}

export async function updateSeriesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updateSeries(db(), actor, values, { ip }), values);
}

export async function deleteSeriesAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  const state = await runAction((actor) => deleteSeries(db(), actor, values, { ip }));
  if (state.ok) redirect("/admin/serier?borttagen=1");
  return state;
}
