"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { clientAddressFrom } from "@/lib/request-client";
import { setPasswordWithToken } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import type { FormState } from "@/lib/validation/form";

/** Sets the password through the one-time link (its token comes along in a hidden field), then off to sign in. */
export async function setPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const input = { token: String(formData.get("token") ?? ""), password: String(formData.get("password") ?? ""), confirm: String(formData.get("confirm") ?? "") };
  const result = await setPasswordWithToken(db(), input, { ip: clientAddressFrom(await headers()) });
  // Passwords are never sent back to the form.
  if (!result.ok) return { error: result.error, fieldErrors: result.fieldErrors };
  redirect("/logga-in?klart=losenord");
}
