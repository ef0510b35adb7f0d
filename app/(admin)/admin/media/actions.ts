"use server";

import { refresh } from "next/cache";
import { redirect } from "next/navigation";
import { db } from "@/lib/db/client";
import { deleteMedia, updateMedia } from "@/lib/db/media-library";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server actions of an image's page. The commands load the image by the posted id and
// authorise the actor for it; nothing else from the form is trusted.

export async function updateMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const state = await runAction((actor) => updateMedia(db(), actor, values), values);
  // The page around the form shows the alt text status too.
  if (state.ok) refresh();
  return state;
}

export async function deleteMediaAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const state = await runAction((actor) => deleteMedia(db(), actor, values), values);
  if (state.ok) redirect("/admin/media?borttagen=1");
  return { error: state.error };
}
