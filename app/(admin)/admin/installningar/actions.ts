"use server";

import { db } from "@/lib/db/client";
import { updateSettings } from "@/lib/db/entities/settings";
import { clientIp } from "@/lib/newsroom/actor";
import { runAction } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// Server action for /admin/installningar: the command authorises and validates itself.

export async function updateSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => updateSettings(db(), actor, values, { ip }), values);
}
