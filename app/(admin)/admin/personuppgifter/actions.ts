"use server";

import { db } from "@/lib/db/client";
import { parseOrInvalid } from "@/lib/db/entities/shared";
import { emailSchema, findPersonalData, personalDataCommands, type SourceCount } from "@/lib/db/personal-data/requests";
import { clientIp } from "@/lib/newsroom/actor";
import { success } from "@/lib/newsroom/result";
import { runAction, type ActionState } from "@/lib/newsroom/run";
import { formValues, type FormState } from "@/lib/validation/form";

// A reader's data request (/admin/personuppgifter, administrators only): find what every
// source holds for an address, and erase it after a confirmation. The export is a download,
// so it is a route handler (./export/route.ts). The address travels in the form body, never
// in a URL that would end up in access logs.

export async function findPersonalDataAction(_prev: FormState, formData: FormData): Promise<ActionState<{ email: string; counts: SourceCount[] }>> {
  const values = formValues(formData);
  return runAction(
    async (actor) => {
      const parsed = parseOrInvalid(emailSchema, values);
      if (!parsed.ok) return parsed.result;
      return success({ email: parsed.data.email, counts: await findPersonalData(db(), actor, parsed.data.email) });
    },
    values,
    { refresh: false },
  );
}

export async function erasePersonalDataAction(_prev: FormState, formData: FormData): Promise<ActionState<{ count: number }>> {
  const values = formValues(formData);
  const ip = await clientIp();
  return runAction((actor) => personalDataCommands.erasePersonalData(db(), actor, values, { ip }), values, { refresh: false });
}
