"use server";

import { headers } from "next/headers";
import { after } from "next/server";
import { clientAddressFrom } from "@/lib/request-client";
import { requestPasswordReset } from "@/lib/db/accounts";
import { db } from "@/lib/db/client";
import { forgotPasswordSchema } from "@/lib/validation/accounts";
import { fieldErrorsOf, type FormState } from "@/lib/validation/form";

const RESET_REQUESTED =
  "Om adressen hör till ett konto hos oss har vi skickat ett e-postmeddelande med en länk där du kan välja ett nytt lösenord. Länken gäller i en timme. Hittar du inget meddelande, titta i skräpposten.";

/**
 * The same answer for every valid address. The lookup and the mail happen after the
 * response, so not even the response time tells whether the account exists.
 */
export async function forgotPasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const email = String(formData.get("email") ?? "");
  const parsed = forgotPasswordSchema.safeParse({ email });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error), values: { email } };
  const ip = clientAddressFrom(await headers());
  after(() => requestPasswordReset(db(), parsed.data, { ip }).catch((err: Error) => console.error(`[auth] password reset failed: ${err.message}`)));
  return { ok: true, message: RESET_REQUESTED, values: { email } };
}
